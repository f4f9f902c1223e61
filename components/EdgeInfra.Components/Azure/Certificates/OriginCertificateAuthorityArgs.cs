namespace EdgeInfra.Components.Azure;

/// <summary>The arguments of an <see cref="OriginCertificateAuthority"/>.</summary>
public sealed record OriginCertificateAuthorityArgs
{
    /// <summary>The longest a server certificate may live: 30 days, as the library's principles require.</summary>
    public const int MaxServerValidityHours = 30 * 24;

    /// <summary>The CA certificate's common name. Required.</summary>
    public required string CommonName { get; init; }

    /// <summary>The CA certificate's organization. Default: <c>EdgeInfra</c>.</summary>
    public string Organization { get; init; } = "EdgeInfra";

    /// <summary>How long the CA certificate is valid, in hours: 720 (30 days) to 87,600 (10 years). Default: 8,760 (one year).</summary>
    public int CaValidityHours { get; init; } = 8760;

    /// <summary>How long before its end a <c>pulumi up</c> renews the CA certificate, in hours; less than <see cref="CaValidityHours"/>. Default: 2,160 (90 days).</summary>
    public int CaEarlyRenewalHours { get; init; } = 2160;

    /// <summary>How long each server certificate is valid, in hours: 24 to <see cref="MaxServerValidityHours"/>. Default: 720 (30 days).</summary>
    public int ServerValidityHours { get; init; } = MaxServerValidityHours;

    /// <summary>
    /// How long before its end a <c>pulumi up</c> replaces a server certificate, in hours; at least 24 and less than
    /// <see cref="ServerValidityHours"/>. Default: 240 (10 days), so a weekly deployment always renews in time.
    /// </summary>
    public int ServerEarlyRenewalHours { get; init; } = 240;

    /// <summary>
    /// Guards the CA key and certificate with Pulumi's <c>protect</c> and <c>retainOnDelete</c> (see <see cref="LockKind"/>).
    /// They are <c>tls</c> resources that exist only in the Pulumi state, so there is no Azure resource to put a
    /// management lock on; the server certificates the CA issues are stored in a <see cref="SecretsVault"/>, whose own
    /// lock covers the vault. Default: none.
    /// </summary>
    public LockKind Lock { get; init; } = LockKind.None;
}
