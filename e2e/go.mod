module backendgrid/e2e

go 1.26.8

require (
	backendgrid v0.0.0-00010101000000-000000000000
	github.com/andybalholm/brotli v1.3.0
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/maxence-charriere/go-app/v10 v10.1.11
)

require (
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/sahilm/fuzzy v0.1.3 // indirect
)

// The benchmark (bench/) builds the program's own packages: the synthetic
// catalog generator, and View to pick a key that changes the count.
replace backendgrid => ../
