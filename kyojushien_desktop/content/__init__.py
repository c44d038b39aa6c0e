"""The national guide's content (居住支援協議会設立の手引き, 令和7年3月) as read-only data: one module
per file of ``resources/guide/``, read once, as frozen dataclasses holding tuples."""
