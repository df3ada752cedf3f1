package main

import (
	"fmt"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"backendgrid/e2e/harness"
)

// stockServer is the reference: the same exported files from a server
// that knows nothing about the app.
type stockServer struct {
	proc    *harness.Process
	base    string
	name    string // e.g. "nginx 1.22.1"
	note    string // how it was configured
	stopSig os.Signal
}

// findNginx looks where Debian puts it even when /usr/sbin is not on PATH.
func findNginx() string {
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	return ""
}

// nginxConf is a complete configuration: nothing is read from /etc/nginx.
// It is a production static setup, tuned the usual way (a worker per core
// with reuseport, sendfile, open file cache, no access log, long keep-alive), with gzip_static serving
// the export's .gz files: stock nginx has no brotli module.
const nginxConf = `worker_processes auto;
daemon off;
master_process on;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 1024; }
http {
    types {
        text/html html;
        text/css css;
        application/javascript js;
        application/wasm wasm;
        application/manifest+json webmanifest;
        image/svg+xml svg;
        image/png png;
        text/plain txt;
    }
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65s;
    keepalive_requests 1000000;
    open_file_cache max=1000 inactive=60s;
    gzip_static on;
    client_body_temp_path %[1]s/client_body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
    server {
        listen 127.0.0.1:%[2]d reuseport;
        root %[3]s;
        index index.html;
    }
}
`

// nginxConfig is nginxConf for a run in dir, listening on port, serving site.
func nginxConfig(dir string, port int, site string) []byte {
	return fmt.Appendf(nil, nginxConf, dir, port, site)
}

// freePort asks the kernel for an unused loopback port. Another process
// could take it before the server binds it; on this machine that is
// unlikely enough, and the server's start fails loudly if it happens.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// startNginx runs nginx in the foreground with a configuration in dir.
func startNginx(exe, dir, site string) (*stockServer, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(conf, nginxConfig(dir, port, site), 0o644); err != nil {
		return nil, err
	}
	version := "nginx"
	if out, err := exec.Command(exe, "-v").CombinedOutput(); err == nil {
		version = strings.Replace(strings.TrimSpace(strings.TrimPrefix(string(out), "nginx version: ")), "/", " ", 1)
	}
	// -e: the error log of the start-up itself, before the configuration is read.
	p, err := harness.Start("nginx", dir, exe, "-p", dir, "-c", conf, "-e", filepath.Join(dir, "error.log"))
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	if err := p.WaitListening(addr, 15*time.Second); err != nil {
		cleanup(p)
		b, _ := os.ReadFile(filepath.Join(dir, "error.log"))
		return nil, fmt.Errorf("%w\nerror.log:\n%s", err, b)
	}
	return &stockServer{
		proc: p, base: "http://" + addr, name: version, stopSig: syscall.SIGQUIT,
		note: "worker_processes auto (one per core), listen reuseport (connections spread over the workers), sendfile, open_file_cache, access_log off, keepalive_requests 1000000, gzip_static on",
	}, nil
}

// startFileServer is the fallback when nginx cannot be had: this program
// again, as a child process (so its memory is measured apart), serving
// the export with net/http's FileServer.
func startFileServer(site string) (*stockServer, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	p, err := harness.Start("http.FileServer", site, self, "-serve-files", site, "-addr", addr)
	if err != nil {
		return nil, err
	}
	if err := p.WaitListening(addr, 15*time.Second); err != nil {
		cleanup(p)
		return nil, err
	}
	return &stockServer{
		proc: p, base: "http://" + addr, name: "Go net/http FileServer (nginx unavailable)", stopSig: syscall.SIGTERM,
		note: "http.FileServer over the export, plus the .gz sibling for clients that accept gzip (as nginx's gzip_static)",
	}, nil
}

// serveFiles is the fallback server's main.
func serveFiles(dir, addr string) {
	srv := &http.Server{Addr: addr, Handler: fileHandler(dir), ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}

// fileHandler serves dir as http.FileServer does, and the .gz sibling of a
// file to a client that accepts gzip, as nginx's gzip_static does.
func fileHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean(r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			if f, err := os.Open(filepath.Join(dir, filepath.FromSlash(name)+".gz")); err == nil {
				defer f.Close()
				ctype := mime.TypeByExtension(path.Ext(name))
				if ctype == "" {
					ctype = "application/octet-stream"
				}
				w.Header().Set("Content-Type", ctype)
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Set("Vary", "Accept-Encoding")
				http.ServeContent(w, r, "", time.Time{}, f)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}
