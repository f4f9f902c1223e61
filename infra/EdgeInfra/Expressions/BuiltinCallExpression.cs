using System.Collections.Immutable;

namespace EdgeInfra.Expressions;

/// <summary>A call of a Pulumi YAML built-in function such as <c>fn::join</c> or <c>fn::secret</c>.</summary>
public sealed class BuiltinCallExpression : Expression
{
    /// <summary>Creates a call of <paramref name="function"/> with its arguments, checked for count.</summary>
    public BuiltinCallExpression(BuiltinFunction function, IEnumerable<Expression> arguments)
    {
        Function = function;
        Arguments = arguments.ToImmutableArray();
        var expected = ArgumentCount(function);
        if (Arguments.Length != expected)
        {
            throw new ArgumentException($"{FunctionKey(function)} takes {expected} argument(s), not {Arguments.Length}.", nameof(arguments));
        }
    }

    /// <summary>The function.</summary>
    public BuiltinFunction Function { get; }

    /// <summary>The arguments, in the order Pulumi YAML takes them.</summary>
    public ImmutableArray<Expression> Arguments { get; }

    /// <inheritdoc />
    public override IEnumerable<Expression> Children => Arguments;

    /// <inheritdoc />
    public override string Describe() => FunctionKey(Function);

    /// <summary>The <c>fn::</c> key Pulumi YAML knows the function by.</summary>
    public static string FunctionKey(BuiltinFunction function) => function switch
    {
        BuiltinFunction.Join => "fn::join",
        BuiltinFunction.Select => "fn::select",
        BuiltinFunction.Split => "fn::split",
        BuiltinFunction.ToJson => "fn::toJSON",
        BuiltinFunction.ToBase64 => "fn::toBase64",
        BuiltinFunction.FromBase64 => "fn::fromBase64",
        BuiltinFunction.Secret => "fn::secret",
        BuiltinFunction.ReadFile => "fn::readFile",
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    private static int ArgumentCount(BuiltinFunction function) => function switch
    {
        BuiltinFunction.Join or BuiltinFunction.Select or BuiltinFunction.Split => 2,
        _ => 1,
    };
}
