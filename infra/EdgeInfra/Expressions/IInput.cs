namespace EdgeInfra;

/// <summary>Anything that can stand as a value of the stack graph: inputs, outputs, argument objects, assets.</summary>
public interface IInput
{
    /// <summary>The expression the program will state for this value.</summary>
    Expressions.Expression ToExpression();
}
