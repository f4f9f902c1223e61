using System.Collections.Immutable;
using System.Text;

namespace EdgeInfra.Testing;

/// <summary>A provider function call (<c>fn::invoke</c>) the tested program makes, as <see cref="IMocks.CallAsync"/> sees it.</summary>
public sealed record MockCallArgs
{
    /// <summary>The function token, e.g. <c>azure-native:authorization:getClientConfig</c>.</summary>
    public required string Token { get; init; }

    /// <summary>The arguments, resolved to plain values as <see cref="MockResourceArgs.Inputs"/> are.</summary>
    public ImmutableDictionary<string, object?> Args { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>The logical name of the explicit provider the call goes through; null for the default provider.</summary>
    public string? Provider { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Token = ").Append(Token)
            .Append(", Args = ").Append(ValueText.Render(Args))
            .Append(", Provider = ").Append(Provider ?? "null");
        return true;
    }
}
