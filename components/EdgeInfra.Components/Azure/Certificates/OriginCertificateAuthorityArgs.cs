namespace EdgeInfra.Components.Azure;

/// <summary>The arguments of an <see cref="OriginCertificateAuthority"/>.</summary>
public sealed record OriginCertificateAuthorityArgs
{
    /// <summary>The longest a server certificate may live: 30 days, as the library's principles require.</summary>
    public const int MaxServerValidityHours = 30 * 24;

    /// <summary>The CA certificate's common name. Required.</summary>
    public required ValidatedInput<string> CommonName { get; init; }

    /// <summary>The CA certificate's organization. Default: <c>EdgeInfra</c>.</summary>
    public string Organization { get; init; } = "EdgeInfra";

    /// <summary>
    /// How long each CA certificate is valid, in hours: 720 (30 days) to 87,600 (10 years). A CA is never renewed in
    /// place (that would change the edge's trust and every server certificate in one step); it is rotated through
    /// <see cref="Generations"/>. Default: 43,800 (five years).
    /// </summary>
    public int CaValidityHours { get; init; } = 43800;

    /// <summary>
    /// The CA generations that exist, one or two distinct numbers from 1 to 99: the edge trusts every one of them. To
    /// rotate the CA with an overlap, deploy <c>[1, 2]</c> (the edge learns to trust generation 2), then set
    /// <see cref="IssuingGeneration"/> to 2 (the origins get certificates from it, which the edge already trusts), then
    /// <c>[2]</c> (generation 1 is deleted). Generation 1 keeps the children's original names (<c>ca-key</c>, <c>ca</c>),
    /// so existing stacks keep their CA. Default: <c>[1]</c>.
    /// </summary>
    public IReadOnlyList<int> Generations { get; init; } = [1];

    /// <summary>The generation that signs the server certificates; one of <see cref="Generations"/>. Default: 1.</summary>
    public int IssuingGeneration { get; init; } = 1;

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
