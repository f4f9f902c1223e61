namespace EdgeInfra.Expressions;

/// <summary>
/// A provider function call, <c>fn::invoke</c>, optionally narrowed to one property of its result with
/// <c>return</c>. Pulumi YAML's <c>return</c> selects a single top-level property.
/// </summary>
public sealed class InvokeExpression : Expression
{
    /// <summary>Creates an invoke of <paramref name="function"/> with <paramref name="arguments"/>.</summary>
    public InvokeExpression(string function, ObjectExpression arguments, InvokeOptions? options = null, string? returnProperty = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        Function = function;
        Arguments = arguments ?? throw new ArgumentNullException(nameof(arguments));
        Options = options ?? new InvokeOptions();
        Return = returnProperty;
    }

    /// <summary>The function token, e.g. <c>azure-native:authorization:getClientConfig</c>.</summary>
    public string Function { get; }

    /// <summary>The arguments.</summary>
    public ObjectExpression Arguments { get; }

    /// <summary>Options of the call: explicit provider, pinned version.</summary>
    public InvokeOptions Options { get; }

    /// <summary>The result property this expression stands for, or null for the whole result.</summary>
    public string? Return { get; }

    /// <inheritdoc />
    public override IEnumerable<Expression> Children => [Arguments];

    /// <inheritdoc />
    public override Expression Navigate(PathSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (Return is null && segment.Name is string name)
        {
            return new InvokeExpression(Function, Arguments, Options, name);
        }

        return base.Navigate(segment);
    }

    /// <inheritdoc />
    public override string Describe() => Return is null ? $"invoke of {Function}" : $"invoke of {Function} returning {Return}";
}
