namespace EdgeInfra.Components.Azure.Compute;

/// <summary>
/// The small app a new origin serves behind its web server until the user deploys theirs, so a fresh stack answers
/// something verifiable end to end: <c>GET /healthz</c> answers <c>ok</c>, and every other request answers a JSON echo
/// of its method, path and the <c>X-Edge-*</c> identity headers the edge gateway set. On Linux (nginx and Kong proxy to
/// it) it is <see cref="Text"/>, Python 3 standard library only (Ubuntu images ship it), listening on loopback only as an
/// unprivileged systemd <c>DynamicUser</c>; on IIS it is <see cref="AspNetHandlerText"/>, the same answers from an
/// ASP.NET handler in the site itself.
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

    /// <summary>Where the IIS boot script installs <see cref="AspNetHandlerText"/>: the site's <c>App_Code</c>, which ASP.NET compiles on first use.</summary>
    public const string AspNetHandlerPath = @"C:\inetpub\wwwroot\App_Code\EdgeOriginApp.cs";

    /// <summary>
    /// The IIS version: an <c>IHttpHandler</c> (class <c>EdgeOriginApp</c>) the boot script maps to every path of the
    /// site, ahead of the static file handler. IIS cannot echo request headers without code, and ASP.NET 4.8 is a
    /// Windows Server 2022 feature (<c>Web-Asp-Net45</c>) that needs no download, so the site compiles this file from
    /// <c>App_Code</c>; C# 5 only (the .NET Framework compiler ASP.NET uses), JSON strings escaped with
    /// <c>HttpUtility.JavaScriptStringEncode</c>. It runs behind the URL Rewrite check, so only verified requests reach it.
    /// </summary>
    public const string AspNetHandlerText = """
        // EdgeInfra default origin app (IIS): replace it with your site.
        using System;
        using System.Text;
        using System.Web;

        public class EdgeOriginApp : IHttpHandler
        {
            public bool IsReusable { get { return true; } }

            public void ProcessRequest(HttpContext context)
            {
                HttpRequest request = context.Request;
                HttpResponse response = context.Response;
                response.AppendHeader("Cache-Control", "no-store");
                if (request.Path == "/healthz")
                {
                    response.ContentType = "text/plain";
                    response.Write("ok\n");
                    return;
                }

                StringBuilder edge = new StringBuilder();
                foreach (string name in request.Headers.AllKeys)
                {
                    if (name.StartsWith("X-Edge-", StringComparison.OrdinalIgnoreCase))
                    {
                        edge.Append(edge.Length == 0 ? "" : ", ");
                        edge.Append("\"").Append(HttpUtility.JavaScriptStringEncode(name)).Append("\": \"").Append(HttpUtility.JavaScriptStringEncode(request.Headers[name])).Append("\"");
                    }
                }

                response.ContentType = "application/json";
                response.Write("{\"edge\": {" + edge + "}, \"method\": \"" + HttpUtility.JavaScriptStringEncode(request.HttpMethod) + "\", \"path\": \"" + HttpUtility.JavaScriptStringEncode(request.RawUrl) + "\"}\n");
            }
        }
        """;
}
