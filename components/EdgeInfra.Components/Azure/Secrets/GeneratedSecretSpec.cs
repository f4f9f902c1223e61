namespace EdgeInfra.Components.Azure;

/// <summary>
/// How <see cref="SecretsVault.AddGeneratedSecret"/> generates a secret: a <c>random</c> password of
/// <see cref="Length"/> characters, stored in the vault with a fixed expiry.
/// </summary>
public sealed record GeneratedSecretSpec
{
    /// <summary>The password's length: 16 to 128 characters. Default: 32.</summary>
    public int Length { get; init; } = 32;

    /// <summary>Whether the password contains special characters (at least two when it does). Default: true.</summary>
    public bool Special { get; init; } = true;

    /// <summary>
    /// The special characters the password draws from (the provider's <c>overrideSpecial</c>): 1 to 32 printable
    /// ASCII characters that are neither letters, digits nor spaces. Default: <see cref="SafeSpecialCharacters"/>,
    /// never the provider's own default set (<see cref="RandomPasswordAlphabet.DefaultSpecial"/>), whose <c>$ { } [ ] &lt; &gt;</c>
    /// and quotes-adjacent characters break the headers, server configs and shell scripts secrets end up in.
    /// </summary>
    public string SpecialCharacters { get; init; } = SafeSpecialCharacters;

    /// <summary>
    /// <c>-_.+/=</c>: special characters that nginx, Kong, IIS rewrite rules, HTTP header values, bash and XML all
    /// take literally (the origin boot scripts accept exactly letters, digits and these).
    /// </summary>
    public const string SafeSpecialCharacters = "-_.+/=";

    /// <summary>
    /// When the secret expires (stated as <c>attributes.expires</c>, Unix seconds). A fixed value, given by the caller
    /// or computed at synthesis from config (e.g. a release date): never the clock, because the same program must
    /// come out of every synthesis. It must be after the Unix epoch and no later than 2038-01-19T03:14:07Z (the
    /// schema's <c>integer</c> is bound as a 32-bit number). Required.
    /// </summary>
    public required DateTimeOffset ExpiresOn { get; init; }

    /// <summary>
    /// The moment the caller considers "now" (e.g. the release date from config); when set, <see cref="ExpiresOn"/>
    /// must be after it. Default: null, which checks only that <see cref="ExpiresOn"/> is after the Unix epoch.
    /// </summary>
    public DateTimeOffset? IssuedOn { get; init; }

    /// <summary>The secret's content type. Default: <c>text/plain</c>.</summary>
    public string ContentType { get; init; } = "text/plain";

    /// <summary>
    /// Values whose change generates a new password (the <c>random</c> resource's <c>keepers</c>), for rotation: e.g.
    /// <c>["rotation"] = "2025-q3"</c>. Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, Input<string>> Keepers { get; init; } = new Dictionary<string, Input<string>>();
}
