"""What a service call changed, named as topics, so each screen refreshes only when it shows
something that changed.

A service returns ``Changes``; the GUI publishes it with its initiator on one bus, and every
page compares the topics with the ones it shows. The derived views (an organisation's 経過記録,
ホーム's overview) are defined here as the topics they are made of, in one place, so no caller has
to remember that recording a visit also changes the timeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Topic(StrEnum):
    FILE = "file"  # another data file was opened (or none): everything is new
    SETTINGS = "settings"  # 自治体名, 担当課, … and this PC's 文字の大きさ
    ORGANIZATIONS = "organizations"  # 団体・機関 (関係, 得意なこと … included)
    PEOPLE = "people"  # 担当者 and 担当交代
    CONTACTS = "contacts"  # 経過記録 typed by hand
    VISITS = "visits"  # ヒアリングの予定と記録, answers included
    FOLLOWUPS = "followups"  # 次の対応
    BANKS = "banks"  # 質問バンク and their questions
    MEETINGS = "meetings"  # 会議・勉強会: the meeting, its programme, participants, groups, record
    CHECKLIST = "checklist"  # a meeting's 開催前・開催後 steps
    SURVEY = "survey"  # a meeting's 参加者アンケート: questions and the forms entered
    PROGRESS = "progress"  # フェーズ進捗: 到達の目安's states, evidence and targets
    DIAGNOSIS = "diagnosis"  # 診断シート: rounds, respondents and their ratings
    HANDOVER = "handover"  # 引き継ぎ: the 引継ぎ事項 and the 引継ぎ履歴
    REGION = "region"  # わがまちの現状と地域資源: figures, resources, つなぎ先, housing checks


# Derived views: what they are made of.
TIMELINE = frozenset({Topic.ORGANIZATIONS, Topic.PEOPLE, Topic.CONTACTS, Topic.VISITS, Topic.MEETINGS})
OVERVIEW = frozenset(
    {
        Topic.SETTINGS,
        Topic.ORGANIZATIONS,
        Topic.VISITS,
        Topic.FOLLOWUPS,
        Topic.MEETINGS,
        Topic.CHECKLIST,
        Topic.PROGRESS,
    }
)


@dataclass(frozen=True)
class Changes:
    """A set of topics; ``Changes.of(Topic.VISITS)``. Empty means nothing was written."""

    topics: frozenset[Topic] = frozenset()

    @classmethod
    def of(cls, *topics: Topic) -> Changes:
        return cls(frozenset(topics))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.topics | other.topics)

    def __bool__(self) -> bool:
        return bool(self.topics)

    def touches(self, topics: Iterable[Topic]) -> bool:
        """True when any of ``topics`` changed, or another file was opened."""
        return Topic.FILE in self.topics or not self.topics.isdisjoint(topics)

    @property
    def file(self) -> bool:
        return Topic.FILE in self.topics


NOTHING = Changes()
FILE_OPENED = Changes.of(Topic.FILE)
