package harness

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"testing"
	"time"
)

// The tests run this test binary as the server: with HARNESS_FAKE set, it
// plays one of the parts below instead of running the tests.
func TestMain(m *testing.M) {
	if mode := os.Getenv("HARNESS_FAKE"); mode != "" {
		os.Exit(fake(mode))
	}
	os.Exit(m.Run())
}

// fake is a stand-in for the server: "serve" logs its address as
// backendgrid does and stops on SIGTERM, "deaf" ignores SIGTERM, "exit"
// fails at start, "silent" never logs an address, and "parent" serves
// with a child process.
func fake(mode string) int {
	addr := flag.String("addr", "127.0.0.1:0", "")
	flag.Parse()
	switch mode {
	case "exit":
		fmt.Fprintln(os.Stderr, "cannot read the catalog")
		return 3
	case "silent":
		time.Sleep(time.Minute)
		return 0
	case "deaf":
		signal.Ignore(syscall.SIGTERM)
	case "parent":
		child := exec.Command(os.Args[0])
		child.Env = append(os.Environ(), "HARNESS_FAKE=silent")
		if err := child.Start(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Printf("child %d\n", child.Process.Pid)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	stop := make(chan os.Signal, 1)
	if mode != "deaf" {
		signal.Notify(stop, syscall.SIGTERM)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "ok") })}
	go srv.Serve(ln)
	// Written in two pieces, as a process's output may reach the pipe.
	fmt.Fprint(os.Stderr, "fake: serving ")
	fmt.Fprintf(os.Stderr, "on http://%s\n", ln.Addr())
	<-stop
	fmt.Fprintln(os.Stderr, "shutting down")
	srv.Close()
	fmt.Fprintln(os.Stderr, "stopped")
	return 0
}
