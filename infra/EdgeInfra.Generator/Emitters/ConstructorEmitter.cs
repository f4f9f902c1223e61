using EdgeInfra.Generator.Writing;

namespace EdgeInfra.Generator.Emitters;

/// <summary>
/// Writes the constructor of a resource or provider class: <c>args</c> is required when the arguments class has
/// required members, and otherwise optional, defaulting to a new arguments object (so const defaults still apply).
/// </summary>
internal static class ConstructorEmitter
{
    /// <param name="writer">Where to write.</param>
    /// <param name="typeName">The class name.</param>
    /// <param name="argsName">The arguments class name as the file refers to it.</param>
    /// <param name="argsRequired">True when the arguments class has required members.</param>
    /// <param name="baseArguments">The base constructor's arguments, given the expression for <c>args</c>.</param>
    public static void Emit(CodeWriter writer, string typeName, string argsName, bool argsRequired, Func<string, string> baseArguments)
    {
        if (argsRequired)
        {
            writer.Line($"public {typeName}(string name, {argsName} args, global::EdgeInfra.CustomResourceOptions? options = null)");
            writer.Indent();
            writer.Line($": base({baseArguments("args")}) {{ }}");
        }
        else
        {
            writer.Line($"public {typeName}(string name, {argsName}? args = null, global::EdgeInfra.CustomResourceOptions? options = null)");
            writer.Indent();
            writer.Line($": base({baseArguments($"args ?? new {argsName}()")}) {{ }}");
        }

        writer.Unindent();
    }
}
