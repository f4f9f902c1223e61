namespace EdgeInfra.Expressions;

/// <summary>
/// A provider function call, <c>fn::invoke</c>, optionally narrowed to one property of its result with
/// <c>return</c>, and further along <see cref="Path"/>. Pulumi YAML's <c>return</c> selects a single top-level
/// property, so an invoke with a deeper path is stated as a program variable and referenced through it.
/// </summary>
public sealed class InvokeExpression : Expression
{
    /// <summary>Creates an invoke of <paramref name="function"/> with <paramref name="arguments"/>.</summary>
    public InvokeExpression(string function, ObjectExpression arguments, InvokeOptions? options = null, string? returnProperty = null, PropertyPath? path = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        Function = function;
        Arguments = arguments ?? throw new ArgumentNullException(nameof(arguments));
        Options = options ?? new InvokeOptions();
        Return = returnProperty;
        Path = path ?? PropertyPath.Empty;
        if (Return is null && !Path.IsEmpty)
        {
            throw new ArgumentException("An invoke's path follows its return property.", nameof(path));
        }
    }

    /// <summary>The function token, e.g. <c>azure-native:authorization:getClientConfig</c>.</summary>
    public string Function { get; }

    /// <summary>The arguments.</summary>
    public ObjectExpression Arguments { get; }

    /// <summary>Options of the call: explicit provider, pinned version.</summary>
    public InvokeOptions Options { get; }

    /// <summary>The result property this expression stands for, or null for the whole result.</summary>
    public string? Return { get; }

    /// <summary>The path into the returned property, beyond <see cref="Return"/>.</summary>
    public PropertyPath Path { get; }

    /// <summary>The resources the call's options name: its explicit provider and its <see cref="InvokeOptions.DependsOn"/>.</summary>
    public IEnumerable<CustomResource> OptionResources =>
        Options.Provider is { } provider ? [provider, .. Options.DependsOn] : Options.DependsOn;

    /// <summary>This invoke without <see cref="Path"/>: the call a program variable holds.</summary>
    public InvokeExpression WithoutPath() => Path.IsEmpty ? this : new InvokeExpression(Function, Arguments, Options, Return);

    /// <inheritdoc />
    public override IEnumerable<Expression> Children => [Arguments];

    /// <inheritdoc />
    public override Expression Navigate(PathSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (Return is null)
        {
            return segment.Name is string name
                ? new InvokeExpression(Function, Arguments, Options, name)
                : base.Navigate(segment);
        }

        return new InvokeExpression(Function, Arguments, Options, Return, Path.Append(segment));
    }

    /// <inheritdoc />
    public override string Describe() => Return is null ? $"invoke of {Function}" : $"invoke of {Function} returning {Return}{Path.Render()}";
}
