namespace EdgeInfra;

/// <summary>What a program states for an input, as a check reads it: see <see cref="StackGraph.ValueOf{T}"/>.</summary>
/// <typeparam name="T">The input's type.</typeparam>
public readonly record struct InputValue<T>
{
    private InputValue(InputValueKind kind, T value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>Not stated: the provider's or Azure's default applies.</summary>
    public static InputValue<T> Unset => new(InputValueKind.Unset, default!);

    /// <summary>Known only at deployment (another resource's output, a secret, a computed value).</summary>
    public static InputValue<T> DeployTime => new(InputValueKind.DeployTime, default!);

    /// <summary>Whether the input is stated, known or not.</summary>
    public InputValueKind Kind { get; }

    /// <summary>The value, when <see cref="IsKnown"/>.</summary>
    public T Value { get; }

    /// <summary>Whether the value is known at synthesis.</summary>
    public bool IsKnown => Kind == InputValueKind.Known;

    /// <summary>Whether the input is not stated.</summary>
    public bool IsUnset => Kind == InputValueKind.Unset;

    /// <summary>A value known at synthesis.</summary>
    public static InputValue<T> Known(T value) => new(InputValueKind.Known, value);

    /// <summary>Whether the value is known and equal to <paramref name="expected"/>.</summary>
    public bool Is(T expected) => IsKnown && EqualityComparer<T>.Default.Equals(Value, expected);
}
