using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EdgeInfra.Components.Tests.Rehearsal;

/// <summary>
/// An identity provider's signing keys: RS256 tokens and the JWKS document that publishes the keys. A key rollover
/// goes as identity providers do it: <see cref="Publish"/> lists a new key (with a new <c>kid</c>) next to the current
/// one, <see cref="SignWith"/> then makes it the signing key, and the old key stays listed until <see cref="Retire"/>.
/// </summary>
internal sealed class TokenIssuer : IDisposable
{
    private readonly List<(string KeyId, RSA Key)> _published = [];
    private readonly object _lock = new();
    private (string KeyId, RSA Key) _signing;

    public TokenIssuer(string keyId)
    {
        _signing = (keyId, RSA.Create(2048));
        _published.Add(_signing);
    }

    /// <summary>The <c>kid</c> of the key tokens are signed with now.</summary>
    public string KeyId
    {
        get
        {
            lock (_lock)
            {
                return _signing.KeyId;
            }
        }
    }

    /// <summary>The JWKS document with every published public key, in publication order.</summary>
    public object Jwks
    {
        get
        {
            lock (_lock)
            {
                return new
                {
                    keys = _published.Select(published =>
                    {
                        var parameters = published.Key.ExportParameters(false);
                        return new { kty = "RSA", kid = published.KeyId, alg = "RS256", use = "sig", n = Base64Url(parameters.Modulus!), e = Base64Url(parameters.Exponent!) };
                    }).ToArray(),
                };
            }
        }
    }

    /// <summary>Publishes a new key <paramref name="keyId"/> next to the current ones; tokens are still signed with the current key.</summary>
    public void Publish(string keyId)
    {
        lock (_lock)
        {
            _published.Add((keyId, RSA.Create(2048)));
        }
    }

    /// <summary>Signs from now on with the published key <paramref name="keyId"/>.</summary>
    public void SignWith(string keyId)
    {
        lock (_lock)
        {
            _signing = _published.Single(published => published.KeyId == keyId);
        }
    }

    /// <summary>Removes the published key <paramref name="keyId"/> from the JWKS (it must not be the signing key).</summary>
    public void Retire(string keyId)
    {
        lock (_lock)
        {
            Assert.NotEqual(keyId, _signing.KeyId);
            var retired = _published.Single(published => published.KeyId == keyId);
            _published.Remove(retired);
            retired.Key.Dispose();
        }
    }

    /// <summary>An RS256 token with <paramref name="claims"/>, signed by the current key (or by another key with <paramref name="forge"/>).</summary>
    public string Sign(object claims, bool forge = false)
    {
        lock (_lock)
        {
            var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = _signing.KeyId }));
            var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
            var signingInput = Encoding.ASCII.GetBytes($"{header}.{payload}");
            using var other = RSA.Create(2048);
            var signature = (forge ? other : _signing.Key).SignData(signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return $"{header}.{payload}.{Base64Url(signature)}";
        }
    }

    public void Dispose()
    {
        foreach (var published in _published)
        {
            published.Key.Dispose();
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
