namespace EdgeInfra.Components.Azure.Compute;

/// <summary>What an <see cref="OriginVmCluster"/> runs on each VM, and so which operating system it gets.</summary>
public enum OriginFlavor
{
    /// <summary>Ubuntu 22.04 LTS; cloud-init installs nginx, which terminates TLS on 443 with the stack CA's certificate and proxies to the local application; with edge mTLS it requires the edge's client certificate (<c>ssl_verify_client on</c>) with the edge's CN as well as the origin secret.</summary>
    Nginx,

    /// <summary>Ubuntu 22.04 LTS; cloud-init installs Kong Gateway OSS in DB-less mode, which terminates TLS on 443 with the stack CA's certificate and proxies to the local application; with edge mTLS nginx verifies the edge's client certificate (directives injected from <c>kong.conf</c>) and the <c>pre-function</c> requires it verified, with the edge's CN, as well as the origin secret.</summary>
    Kong,

    /// <summary>Windows Server 2022 Datacenter; a CustomScriptExtension installs IIS, ASP.NET 4.8 and URL Rewrite and serves the default site on 443 with the stack CA's certificate; with edge mTLS http.sys negotiates the edge's client certificate and trusts only the account CAs (<c>ClientAuthIssuer</c> store), IIS requires one and the URL Rewrite rule requires the edge's CN as well as the origin secret.</summary>
    Iis,
}
