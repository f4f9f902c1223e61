using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>A value the schema marks secret, stated wrapped in <c>fn::secret</c> so the engine keeps it secret.</summary>
internal sealed class SecretInput(object value) : IInput
{
    public Expression ToExpression() => new BuiltinCallExpression(BuiltinFunction.Secret, [ExpressionFactory.FromValue(value)]);
}
