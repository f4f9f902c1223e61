using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A deploy-time object whose properties are typed outputs, such as a resource's <c>properties</c> in generated
/// bindings: <c>vault.Properties.VaultUri</c> is stated <c>${vault.properties.vaultUri}</c>.
/// </summary>
public abstract class OutputObject : IInput
{
    /// <summary>Creates the object that <paramref name="expression"/> stands for.</summary>
    protected OutputObject(Expression expression) => Expression = expression ?? throw new ArgumentNullException(nameof(expression));

    /// <summary>The expression the program states for this object.</summary>
    public Expression Expression { get; }

    /// <inheritdoc />
    public Expression ToExpression() => Expression;

    /// <summary>The output of the property <paramref name="name"/>.</summary>
    protected Output<T> Property<T>(string name) => new(Navigate(name));

    /// <summary>The expression of the property <paramref name="name"/>, to build a nested output object from.</summary>
    protected Expression Navigate(string name) => Expression.Navigate(PathSegment.Property(name));
}
