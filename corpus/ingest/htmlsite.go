package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pages of a web site: the main content and the filters a site owner sets.
//
// A page's main content is its <main> element (or the element with
// role="main"), else its only <article>. When a page has one, the text
// outside it (site header, menus, sidebars, footer) is kept and marked
// Boilerplate; a page without one is read as before, with nav, footer,
// aside and the like as boilerplate.
//
// Filters: the section comes from <meta name="section">, <meta
// property="article:section"> or a data-section attribute on <html>,
// <body>, <main> or <article>; the tags from <meta name="keywords">,
// <meta property="article:tag"> (one each), <meta name="tags"> or a
// data-tags attribute (comma-separated). They become Document.Section and
// Document.Tags.

// mainContent returns the main content element of a page and its
// ancestors, or nil.
func mainContent(root *html.Node) (main *html.Node, ancestors map[*html.Node]bool) {
	var mains, articles []*html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main"):
				mains = append(mains, n)
				return
			case n.DataAtom == atom.Article:
				articles = append(articles, n)
				return
			case n.DataAtom == atom.Template || n.DataAtom == atom.Script:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	switch {
	case len(mains) == 1:
		main = mains[0]
	case len(mains) == 0 && len(articles) == 1:
		main = articles[0]
	default:
		return nil, nil
	}
	ancestors = map[*html.Node]bool{}
	for p := main.Parent; p != nil; p = p.Parent {
		ancestors[p] = true
	}
	return main, ancestors
}

// siteFilters reads the section and tags of an element's data-section
// and data-tags attributes, and of a <meta> element.
func (x *htmlText) siteFilters(n *html.Node) {
	if n.DataAtom == atom.Meta {
		name := strings.ToLower(attr(n, "name") + attr(n, "property"))
		v := strings.TrimSpace(attr(n, "content"))
		switch name {
		case "section", "article:section", "og:section":
			if x.section == "" {
				x.section = v
			}
		case "keywords", "tags", "news_keywords":
			x.addTags(v)
		case "article:tag":
			x.addTags(strings.ReplaceAll(v, ",", " "))
		}
		return
	}
	if v := strings.TrimSpace(attr(n, "data-section")); v != "" && x.section == "" {
		x.section = v
	}
	if v := attr(n, "data-tags"); v != "" {
		x.addTags(v)
	}
}

// addTags adds comma-separated tags, once each.
func (x *htmlText) addTags(v string) { x.tags = appendTags(x.tags, v) }

// appendTags adds the comma-separated tags of v to tags, once each (case
// aside), up to 100.
func appendTags(tags []string, v string) []string {
	for _, t := range strings.Split(v, ",") {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" || len(tags) >= 100 {
			continue
		}
		dup := false
		for _, s := range tags {
			if strings.EqualFold(s, t) {
				dup = true
				break
			}
		}
		if !dup {
			tags = append(tags, t)
		}
	}
	return tags
}
