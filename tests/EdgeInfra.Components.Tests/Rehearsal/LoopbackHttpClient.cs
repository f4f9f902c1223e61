using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace EdgeInfra.Components.Tests.Rehearsal;

/// <summary>
/// An HTTP client for the rehearsals: every connection goes to 127.0.0.1:<c>port</c> whatever the URL's host, so a
/// request can name a real hostname (for the Host header, SNI and certificate checks) and still stay on loopback; TLS
/// trusts exactly the given CA.
/// </summary>
internal static class LoopbackHttpClient
{
    /// <summary>
    /// A client whose connections go to 127.0.0.1:<paramref name="port"/>, verifying <paramref name="host"/> against
    /// <paramref name="trust"/> only, and presenting <paramref name="clientCertificate"/> (with its key) when given.
    /// </summary>
    public static HttpClient Create(string host, int port, X509Certificate2 trust, X509Certificate2? clientCertificate = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = host,
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { trust },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            },
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(15) };
    }
}
