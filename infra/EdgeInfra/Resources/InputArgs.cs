using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>An object of input properties: a resource's arguments or a nested argument type.</summary>
public abstract class InputArgs : IInput
{
    /// <summary>The properties as the program names them, with their values; null values are left out.</summary>
    protected abstract IEnumerable<KeyValuePair<string, object?>> GetInputs();

    /// <summary>The property names and values that are set, in the order <see cref="GetInputs"/> gives them.</summary>
    public IEnumerable<KeyValuePair<string, object?>> SetInputs() => GetInputs().Where(p => p.Value is not null);

    /// <inheritdoc />
    public Expression ToExpression() =>
        new ObjectExpression(SetInputs().Select(p => new KeyValuePair<string, Expression>(p.Key, ExpressionFactory.FromValue(p.Value))));

    /// <summary><paramref name="value"/> marked secret (stated in <c>fn::secret</c>), or null; for properties the schema marks secret.</summary>
    protected static object? Secret(object? value) => value is null ? null : new SecretInput(value);
}
