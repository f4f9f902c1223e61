using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// A value the schema marks secret, stated wrapped in <c>fn::secret</c> so the engine keeps it secret; a value that
/// already is <c>fn::secret</c> (e.g. <see cref="Output.CreateSecret{T}"/>) is stated as it is, not wrapped twice.
/// </summary>
internal sealed class SecretInput(object value) : IInput
{
    public Expression ToExpression() => ExpressionFactory.FromValue(value) switch
    {
        BuiltinCallExpression { Function: BuiltinFunction.Secret } secret => secret,
        var expression => new BuiltinCallExpression(BuiltinFunction.Secret, [expression]),
    };
}
