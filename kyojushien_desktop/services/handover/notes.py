"""引継ぎ事項: what the outgoing person writes for the successor, one text per section of the
guided template (方針・意見, 懸案事項, 注意すること)."""

from __future__ import annotations

from typing import NamedTuple

from kyojushien_desktop.content.handover_terms import NoteSection, handover_terms
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.handover import HandoverNote, check_note
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import handover as store


class NoteEntry(NamedTuple):
    section: NoteSection
    note: HandoverNote  # text "" when nothing was written yet


def load_notes(session: Session) -> list[NoteEntry]:
    """Every template section in order, with what was written in it."""
    saved = store.notes(session.database)
    return [NoteEntry(s, saved.get(s.key, HandoverNote(s.key, ""))) for s in handover_terms().notes]


def save_notes(session: Session, texts: dict[str, str]) -> Changes:
    """Saves the sections given (by key); a text over the limit is refused with its section named."""
    known = {s.key: s for s in handover_terms().notes}
    cleaned = []
    for key, text in texts.items():
        if key not in known:
            raise KeyError(key)
        try:
            cleaned.append(check_note(HandoverNote(key, text)))
        except ValidationError as exc:
            raise ValidationError(f"「{known[key].title}」は{exc.message}", field=key) from exc
    with session.database.atomic():
        for note in cleaned:
            store.save_note(session.database, note)
    return Changes.of(Topic.HANDOVER)
