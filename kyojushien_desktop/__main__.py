from kyojushien_desktop.cli import main

raise SystemExit(main())
