"""argparse in Japanese: the messages a user sees for a mistyped command."""

from __future__ import annotations

import argparse

_JA = {
    "usage: ": "使い方: ",
    "the following arguments are required: %s": "次の指定が必要です: %s",
    "unrecognized arguments: %s": "分からない指定があります: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r は選べません（選べるもの: %(choices)s）",
    "expected one argument": "値を1つ指定してください",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値を1つ以上指定してください",
    "%(prog)s: error: %(message)s\n": "%(prog)s: 指定の誤り: %(message)s\n",
    "positional arguments": "引数",
    "options": "オプション",
    "show this help message and exit": "この説明を表示して終了します",
    "show program's version number and exit": "バージョンを表示して終了します",
    "invalid %(type)s value: %(value)r": "%(value)r は正しい値ではありません",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s の指定: %(message)s",
    "not allowed with argument %s": "%s と同時には指定できません",
    "one of the arguments %s is required": "%s のどれか1つを指定してください",
}


def _translate(message: str) -> str:
    return _JA.get(message, message)


argparse._ = _translate  # argparse looks its messages up through this module-level gettext alias


class JaArgumentParser(argparse.ArgumentParser):
    """Exit code 2 with a Japanese message for usage errors."""
