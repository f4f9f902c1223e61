using System.Collections.Immutable;

namespace EdgeInfra.Testing;

/// <summary>
/// A value the engine keeps secret: secret config, <c>fn::secret</c>, secret outputs, and anything computed from
/// a secret (a join, an interpolation or the JSON of a value that contains one, a property of a secret object).
/// </summary>
/// <param name="Value">The plain value; never itself a <see cref="SecretValue"/>.</param>
public sealed record SecretValue(object? Value)
{
    /// <summary><paramref name="value"/> marked secret, once: a secret stays as it is.</summary>
    internal static SecretValue Wrap(object? value) => value as SecretValue ?? new SecretValue(value);

    /// <summary><paramref name="value"/> marked secret when <paramref name="isSecret"/> is true, otherwise as it is.</summary>
    internal static object? WrapIf(bool isSecret, object? value) => isSecret ? Wrap(value) : value;

    /// <summary>True when <paramref name="value"/> is or holds a secret, at any depth.</summary>
    internal static bool AnyIn(object? value)
    {
        Reveal(value, out var containedSecret);
        return containedSecret;
    }

    /// <summary><paramref name="value"/> with every secret mark removed, at any depth; <paramref name="containedSecret"/> says whether there was one.</summary>
    internal static object? Reveal(object? value, out bool containedSecret)
    {
        var found = false;
        var plain = RevealInto(value, ref found);
        containedSecret = found;
        return plain;
    }

    private static object? RevealInto(object? value, ref bool found)
    {
        switch (value)
        {
            case SecretValue secret:
                found = true;
                return RevealInto(secret.Value, ref found);
            case ImmutableArray<object?> list:
                var items = ImmutableArray.CreateBuilder<object?>(list.Length);
                foreach (var item in list)
                {
                    items.Add(RevealInto(item, ref found));
                }

                return items.MoveToImmutable();
            case ImmutableDictionary<string, object?> map:
                var properties = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
                foreach (var (key, item) in map)
                {
                    properties[key] = RevealInto(item, ref found);
                }

                return properties.ToImmutable();
            case AssetValue asset:
                return asset with { Value = RevealInto(asset.Value, ref found) };
            default:
                return value;
        }
    }
}
