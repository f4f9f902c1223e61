namespace EdgeInfra.Expressions;

/// <summary>A stack config value, or a part of a structured one: <c>${location}</c>, <c>${regions[0]}</c>.</summary>
public sealed class ConfigReferenceExpression : Expression
{
    /// <summary>Creates a reference to the config key <paramref name="key"/> (without the project namespace).</summary>
    public ConfigReferenceExpression(string key, PropertyPath path, bool isSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
        Path = path ?? throw new ArgumentNullException(nameof(path));
        IsSecret = isSecret;
    }

    /// <summary>The config key as the program names it.</summary>
    public string Key { get; }

    /// <summary>The path into a structured value; empty for the whole value.</summary>
    public PropertyPath Path { get; }

    /// <summary>True when the key holds a secret: the program declares it <c>secret: true</c>.</summary>
    public bool IsSecret { get; }

    /// <inheritdoc />
    public override IEnumerable<Expression> Children => [];

    /// <inheritdoc />
    public override Expression Navigate(PathSegment segment) => new ConfigReferenceExpression(Key, Path.Append(segment), IsSecret);

    /// <inheritdoc />
    public override string Describe() => $"config value {Key}{Path.Render()}";
}
