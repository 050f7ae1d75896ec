"""The Markdown reader's shortcuts must give exactly what a stock markdown-it parse gives."""
import random

import pytest

from stratlint.readers import markdown

PIECES = list("ab c\n\n  \t*_`[]()!<>&;#|-:~=+1.\x00é") + [
    "<!-- note -->", "&amp;", "&copy;", "\\*", "| a | b |\n|---|---|\n", "| c | d |\n",
    "```\n", "~~~\n", "    ", "[ref]: http://x\n", "[ref] ", "**bold** ", "_it_ ",
    "[link](http://x) ", "![img](a.png) ", "`code` ", "<b>", "</b>", "http://z.com ",
    "- ", "1. ", "> ", "# ", "\n===\n", "\n---\n", "plain words here ", "---\ntitle: x\n---\n",
]


def _stock_parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def _samples(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60))) for _ in range(count)]


def _dump(tokens) -> list[dict]:
    return [token.as_dict() for token in tokens]


@pytest.mark.parametrize("chunk", range(4))
def test_tokens_match_a_stock_parse(chunk):
    stock = _stock_parser()
    for text in _samples(500, seed=chunk):
        expected = _dump(stock.parse(text))
        assert _dump(markdown._parser().parse(text)) == expected, repr(text)
        fast = markdown._parser(markdown._unusable_rules(text))
        assert _dump(fast.parse(text)) == expected, repr(text)


def test_plain_inline_content_is_one_text_token():
    children = markdown._parser().parseInline("Plain words, numbers 1-2 and (brackets).")[0].children
    assert [(child.type, child.content) for child in children] == [
        ("text", "Plain words, numbers 1-2 and (brackets).")]


def test_rules_are_left_out_only_without_their_marker():
    assert markdown._unusable_rules("| a |\n```\n> q\n<b>\n[x]") == ()
    assert set(markdown._unusable_rules("just words")) == {
        "table", "fence", "blockquote", "html_block", "reference"}
    assert "fence" in markdown._unusable_rules("`` not a fence ``")
