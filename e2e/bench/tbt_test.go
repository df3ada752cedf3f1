package main

import "testing"

func TestBlockingTime(t *testing.T) {
	tests := []struct {
		name     string
		tasks    []longTask
		from, to float64
		want     float64
	}{
		{"no long task", nil, 100, 1000, 0},
		{"one task after the first paint: what it runs past 50 ms", []longTask{{200, 320}}, 100, 1000, 70},
		{"exactly 50 ms blocks nothing", []longTask{{200, 250}}, 100, 1000, 0},
		{"a task before the first paint does not count", []longTask{{10, 90}}, 100, 1000, 0},
		{"a task across the first paint counts from it (clipped, then 50 ms off)", []longTask{{0, 150}}, 50, 1000, 50},
		{"clipped below 50 ms: nothing", []longTask{{0, 120}}, 100, 1000, 0},
		{"a task across the end counts up to it", []longTask{{900, 1100}}, 100, 1000, 50},
		{"a task after the end does not count", []longTask{{1200, 1500}}, 100, 1000, 0},
		{"several add up", []longTask{{120, 180}, {300, 700}, {800, 860}}, 100, 1000, 10 + 350 + 10},
		{"no first paint yet (from 0)", []longTask{{5, 305}}, 0, 1000, 250},
	}
	for _, tt := range tests {
		if got := blockingTime(tt.tasks, tt.from, tt.to); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}
