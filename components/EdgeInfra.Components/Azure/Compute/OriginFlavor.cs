namespace EdgeInfra.Components.Azure.Compute;

/// <summary>What an <see cref="OriginVmCluster"/> runs on each VM, and so which operating system it gets.</summary>
public enum OriginFlavor
{
    /// <summary>Ubuntu 22.04 LTS; cloud-init installs nginx, which terminates TLS on 443 with the stack CA's certificate and proxies to the local application.</summary>
    Nginx,

    /// <summary>Ubuntu 22.04 LTS; cloud-init installs Kong Gateway OSS in DB-less mode, which terminates TLS on 443 with the stack CA's certificate and proxies to the local application.</summary>
    Kong,

    /// <summary>Windows Server 2022 Datacenter; a CustomScriptExtension installs IIS, ASP.NET 4.8 and URL Rewrite and serves the default site on 443 with the stack CA's certificate.</summary>
    Iis,
}
