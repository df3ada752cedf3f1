package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// copyButton copies the page address and says so in a live region. Inside
// an iframe, or without clipboard permission, the Clipboard API refuses:
// then it falls back to a selected text copy, and as a last resort shows
// the link selected in a field for the user to copy.
type copyButton struct {
	app.Compo

	// ID is the button's id.
	ID string

	status string
	manual string
}

func (b *copyButton) onClick(ctx app.Context, e app.Event) {
	href := app.Window().Get("location").Get("href").String()
	b.manual = ""
	done := func(ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			if ok || copyWithSelection(href) {
				b.say("Link copied to the clipboard.")
				return
			}
			b.say("Copying is blocked here: the link is selected below, press Ctrl+C (⌘C) to copy it.")
			b.manual = href
			ctx.Defer(func(app.Context) {
				if f := app.Window().GetElementByID(b.ID + "-manual"); f.Truthy() {
					f.Call("focus")
					f.Call("select")
				}
			})
		})
	}
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		done(false)
		return
	}
	var ok, fail app.Func
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		ok.Release()
		fail.Release()
		done(true)
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		ok.Release()
		fail.Release()
		done(false)
		return nil
	})
	clip.Call("writeText", href).Call("then", ok, fail)
}

// say sets the status; a repeated message gets a no-break space so the
// live region changes and is announced again.
func (b *copyButton) say(msg string) {
	if b.status == msg {
		msg += "\u00a0"
	}
	b.status = msg
}

// copyWithSelection is the pre-Clipboard-API way: select text in a
// temporary field and ask the document to copy it.
func copyWithSelection(text string) bool {
	ok := false
	temporary("textarea", func(ta app.Value) {
		setProp(ta, "value", text)
		setAttr(ta, "readonly", "")
		setAttr(ta, "class", "bg-offscreen")
		ta.Call("select")
		ok = app.Window().Get("document").Call("execCommand", "copy").Bool()
	})
	return ok
}

// Render draws the button, the status line and, when needed, the field
// holding the link for a manual copy.
func (b *copyButton) Render() app.UI {
	return app.Elem("span").Class("bg-copy").Body(
		app.Elem("button").Attr("type", "button").ID(b.ID).Class("bg-secondary").Text("Copy link").On("click", b.onClick),
		app.Elem("span").ID(b.ID+"-status").Class("bg-copy-status").Role("status").Aria("live", "polite").Text(b.status),
		app.If(b.manual != "", func() app.UI {
			return app.ElemSelfClosing("input").Attr("type", "text").Attr("readonly", true).ID(b.ID+"-manual").Class("bg-copy-manual").
				Aria("label", "Link to this view").Attr("value", b.manual)
		}),
	)
}
