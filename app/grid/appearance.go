package grid

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

var hexColour = regexp.MustCompile(`^#?([0-9a-fA-F]{6})$`)

// theme reads light, dark or auto. An explicit auto is kept: it follows
// the system even when the reader picked a theme earlier with the switch.
func (p *parser) theme(vals []string) string {
	v := strings.ToLower(strings.TrimSpace(vals[len(vals)-1]))
	switch v {
	case "light", "dark", "auto":
		return v
	case "":
		return ""
	}
	p.add("theme", "Ignored the theme “%s”: use light, dark or auto.", shorten(v))
	return ""
}

// accent accepts exactly six hex digits (an optional # before them): the
// value ends up in CSS, so nothing else may pass.
func (p *parser) accent(vals []string) string {
	v := strings.TrimSpace(vals[len(vals)-1])
	if m := hexColour.FindStringSubmatch(v); m != nil {
		return strings.ToLower(m[1])
	}
	if v != "" {
		p.add("accent", "Ignored the accent “%s”: use six hex digits, like 0a7cff.", shorten(v))
	}
	return ""
}

// AccentText is the text colour to put on the accent colour: whichever of
// near-black and white has the better contrast (WCAG relative luminance).
func AccentText(hex string) string {
	l := luminance(hex)
	if l < 0 {
		return ""
	}
	// Contrast with white is 1.05/(l+0.05); with #111, (l+0.05)/(0.0056+0.05).
	if 1.05/(l+0.05) >= (l+0.05)/0.0556 {
		return "#ffffff"
	}
	return "#111111"
}

// luminance is the WCAG relative luminance of a 6-digit hex colour, or -1.
func luminance(hex string) float64 {
	if len(hex) != 6 {
		return -1
	}
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		if err != nil {
			return -1
		}
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}
