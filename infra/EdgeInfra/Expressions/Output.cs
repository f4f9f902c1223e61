using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A value known at deploy time, such as a resource's output property. It cannot be inspected at synthesis
/// time (there is no <c>Apply</c>: a YAML program has no code), but it can be passed to other resources,
/// navigated to its properties, and combined with the functions of <see cref="Output"/>.
/// </summary>
/// <typeparam name="T">The type of the value at deploy time.</typeparam>
public sealed class Output<T> : IInput
{
    /// <summary>Creates an output that stands for <paramref name="expression"/>.</summary>
    public Output(Expression expression) => Expression = expression ?? throw new ArgumentNullException(nameof(expression));

    /// <summary>The expression the program states for this value.</summary>
    public Expression Expression { get; }

    /// <summary>The output of the property <paramref name="name"/> of this value.</summary>
    public Output<TProperty> GetProperty<TProperty>(string name) => new(Expression.Navigate(PathSegment.Property(name)));

    /// <summary>The output of the item at <paramref name="index"/> of this list value.</summary>
    public Output<TItem> GetItem<TItem>(int index) => new(Expression.Navigate(PathSegment.Item(index)));

    /// <summary>
    /// Not available: a Pulumi YAML program has no code to run a lambda at deploy time. Combine outputs with
    /// <see cref="Output.Format"/> (interpolation), <see cref="Output.Join"/>, <see cref="Output.JsonSerialize{T}(Output{T})"/>,
    /// <see cref="Output.All{T}(Output{T}[])"/>, <see cref="Output.Select{T}"/>, <see cref="Output.Split(Input{string}, Input{string})"/>,
    /// <see cref="Output.ToBase64"/>, <see cref="GetProperty{TProperty}"/> and <see cref="GetItem{TItem}"/>; call a
    /// provider function with <see cref="Deployment.Invoke{T}"/>; decide at synthesis time from config in plain C#.
    /// </summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    [Obsolete(ApplyUnavailable, error: true)]
    public Output<TResult> Apply<TResult>(Func<T, TResult> func) => throw new NotSupportedException(ApplyUnavailable);

    /// <inheritdoc />
    public Expression ToExpression() => Expression;

    private const string ApplyUnavailable =
        "Output.Apply cannot exist: the program is synthesized to Pulumi YAML, which cannot run a lambda at deploy time. "
        + "Use Output.Format($\"...{output}...\"), Output.Join, Output.JsonSerialize, Output.All, Output.Select, Output.Split, "
        + "Output.ToBase64, GetProperty/GetItem, or Deployment.Invoke; shape the graph from config in plain C# at synthesis time.";
}
