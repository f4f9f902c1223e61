using EdgeInfra.Generator.Writing;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Emitters;

/// <summary>
/// Emits a function: a static class whose <c>Invoke</c> states <c>fn::invoke</c>, its argument class (when it takes
/// inputs) and its result class (when it returns outputs). Reading a property of the result becomes the invoke's
/// <c>return</c>.
/// </summary>
internal static class FunctionEmitter
{
    private const string OptionsParameter = "global::EdgeInfra.Expressions.InvokeOptions? options = null";

    /// <summary>The files of <paramref name="function"/>.</summary>
    public static IEnumerable<GeneratedFile> Emit(GeneratorContext context, FunctionSchema function)
    {
        var symbols = context.Symbols;
        var type = symbols.FunctionClasses[function.Token];
        var args = symbols.FunctionArgs[function.Token];
        var result = symbols.FunctionResults[function.Token];
        var argsName = args.RenderIn(type.Namespace);
        var writer = context.StartFile(type);
        writer.Line($"/// <summary>The {CSharpLiteral.Code(function.Token)} function.</summary>");
        writer.Line($"public static class {type.Name}");
        writer.OpenBlock();
        writer.Line("/// <summary>The function token.</summary>");
        writer.Line($"public const string Token = {CSharpLiteral.String(function.Token)};");
        writer.BeginMember();
        writer.Line("/// <summary>Calls the function (stated as <c>fn::invoke</c>).</summary>");
        var (parameters, arguments) = function.Inputs switch
        {
            null => (OptionsParameter, "null"),
            var inputs when ArgsEmitter.HasRequiredMembers(context, args, inputs.Properties, inputs.Required) => ($"{argsName} args, {OptionsParameter}", "args"),
            _ => ($"{argsName}? args = null, {OptionsParameter}", $"args ?? new {argsName}()"),
        };
        var call = $"global::EdgeInfra.Deployment.Invoke<object>(Token, {arguments}, options)";
        if (function.Outputs is null)
        {
            writer.Line($"public static global::EdgeInfra.Output<object> Invoke({parameters})");
            writer.Indent();
            writer.Line($"=> {call};");
        }
        else
        {
            writer.Line($"public static {result.RenderIn(type.Namespace)} Invoke({parameters})");
            writer.Indent();
            writer.Line($"=> new({call}.Expression);");
        }

        writer.Unindent();
        writer.CloseBlock();
        yield return GeneratorContext.FileOf(type, writer);
        if (function.Inputs is { } functionInputs)
        {
            yield return ArgsEmitter.Emit(
                context,
                args,
                ArgsEmitter.InputArgsBase,
                $"The inputs of the {CSharpLiteral.Code(function.Token)} function.",
                functionInputs.Properties,
                functionInputs.Required);
        }

        if (function.Outputs is { } outputs)
        {
            yield return OutputObjectEmitter.Emit(context, result, $"The result of the {CSharpLiteral.Code(function.Token)} function.", outputs);
        }
    }
}
