namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The small app a new Linux origin serves behind its web server until the user deploys theirs, so a fresh stack
/// answers something verifiable end to end: <c>GET /healthz</c> answers <c>ok</c>, and every other request answers a
/// JSON echo of its method, path and the <c>X-Edge-*</c> identity headers the edge gateway set. Python 3 standard
/// library only (Ubuntu images ship it); listens on loopback only, as an unprivileged systemd <c>DynamicUser</c>.
/// </summary>
internal static class DefaultOriginApp
{
    /// <summary>Where the boot script installs it on a VM.</summary>
    public const string Path = "/usr/local/lib/edge-origin/default-app.py";

    /// <summary>The app. Usage: <c>python3 default-app.py PORT</c> (listens on 127.0.0.1).</summary>
    public const string Text = """
        #!/usr/bin/env python3
        # EdgeInfra default origin app: replace it with yours (anything listening on the same loopback port).
        import json
        import sys
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


        class Handler(BaseHTTPRequestHandler):
            server_version = "edge-origin-app"
            sys_version = ""

            def _answer(self):
                if self.path == "/healthz":
                    body, content_type = b"ok\n", "text/plain"
                else:
                    edge = {k: v for k, v in self.headers.items() if k.lower().startswith("x-edge-")}
                    body = json.dumps({"method": self.command, "path": self.path, "edge": edge}, sort_keys=True).encode() + b"\n"
                    content_type = "application/json"
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(min(length, 1 << 20))
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _answer

            def log_message(self, format, *args):
                pass


        ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
        """;
}
