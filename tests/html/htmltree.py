"""Parses an HTML page of `accord report --format html` with the standard library's
html.parser into a tree, and checks that it is well formed: a doctype, every element
closed in order (void HTML elements and self-closed SVG elements excepted), nothing
left open, no script, and no external resource. Shared by the html tests."""
import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.text = [], []

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def iter(self, tag=None, cls=None):
        """This node and its descendants, in document order, optionally of one tag and class."""
        stack = [self]
        while stack:
            n = stack.pop()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes()):
                yield n
            stack.extend(reversed(n.children))

    def all_text(self):
        return "".join(self.text) + "".join(c.all_text() for c in self.children)

    def own_text(self):
        return "".join(self.text)


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.stack = [self.root]
        self.errors = []
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, attrs, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID and not self.in_svg(node):
            self.errors.append(f"line {self.getpos()[0]}: <{tag}/> self-closed outside SVG")

    def in_svg(self, node):
        while node is not None:
            if node.tag == "svg":
                return True
            node = node.parent
        return False

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append(f"line {self.getpos()[0]}: end tag of void element </{tag}>")
            return
        if len(self.stack) == 1 or self.stack[-1].tag != tag:
            open_tag = self.stack[-1].tag
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes <{open_tag}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].text.append(data)

    def handle_comment(self, data):
        self.errors.append(f"line {self.getpos()[0]}: a comment <!--{data}--> in the page")

    def unknown_decl(self, data):
        self.errors.append(f"line {self.getpos()[0]}: unknown declaration <![{data}]>")


def parse(text):
    """(root, errors): the tree of the page and what is wrong with it."""
    b = TreeBuilder()
    b.feed(text)
    b.close()
    errors = list(b.errors)
    if b.doctype is None or b.doctype.lower() != "doctype html":
        errors.append(f"doctype is {b.doctype!r}, not 'DOCTYPE html'")
    if len(b.stack) > 1:
        errors.append("left open: " + " > ".join(n.tag for n in b.stack[1:]))
    root = b.root
    if [c.tag for c in root.children] != ["html"]:
        errors.append(f"top-level elements {[c.tag for c in root.children]}, expected one <html>")
    for n in root.iter():
        if n.tag in ("script", "iframe", "object", "embed", "link", "img", "a"):
            errors.append(f"a <{n.tag}> element")
        for k, v in n.attrs.items():
            if k in ("src", "href", "srcset", "action") or k.startswith("on"):
                errors.append(f"<{n.tag} {k}={v!r}>: an attribute that loads or runs something")
    style = "".join(s.all_text() for s in root.iter("style"))
    for needle in ("@page", "size: A4", "@media print"):
        if needle not in style:
            errors.append(f"the stylesheet lacks {needle!r}")
    if "url(" in style or "@import" in style:
        errors.append("the stylesheet loads something (url( or @import)")
    return root, errors


def bar_chart(root):
    """The bar chart: [(group, {key: (count, height)})], and the svg node."""
    charts = [s for s in root.iter("svg") if "bars" in s.classes()]
    if len(charts) != 1:
        raise AssertionError(f"{len(charts)} bar charts, expected 1")
    bars = []
    for g in charts[0].iter("g", "bar"):
        segs = {}
        for r in g.iter("rect", "seg"):
            segs[r.attrs["data-key"]] = (int(r.attrs["data-count"]), float(r.attrs["height"]))
        bars.append((g.attrs["data-group"], segs))
    return bars, charts[0]


def stylesheet(root):
    """The page's stylesheet text and its rules as {selector: body}."""
    style = "".join(s.all_text() for s in root.iter("style"))
    return style, {sel.strip(): body for sel, body in re.findall(r"([^{}]+)\{([^}]*)\}", style)}
