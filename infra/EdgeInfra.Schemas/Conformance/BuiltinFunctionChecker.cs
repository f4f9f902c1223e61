using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Schemas;

/// <summary>
/// Checks the arguments of the <c>fn::</c> built-in functions of Pulumi YAML and gives the type of their result.
/// <c>fn::secret</c> is handled by <see cref="ValueChecker"/>, since its type is the type of its argument.
/// </summary>
internal sealed class BuiltinFunctionChecker
{
    /// <summary>The built-in functions a program may use.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "fn::invoke", "fn::join", "fn::select", "fn::split", "fn::toJSON", "fn::toBase64", "fn::fromBase64", "fn::secret",
        "fn::readFile", "fn::fileAsset", "fn::stringAsset", "fn::remoteAsset", "fn::fileArchive", "fn::remoteArchive", "fn::assetArchive",
    ];

    private static readonly string[] InvokeKeys = ["function", "arguments", "options", "return"];
    private static readonly string[] InvokeOptionKeys = ["provider", "version", "parent", "dependsOn"];

    private readonly ProgramContext context;

    public BuiltinFunctionChecker(ProgramContext context)
    {
        this.context = context;
    }

    private ViolationSink Sink => context.Sink;

    private ValueChecker Values => context.Values;

    /// <summary>Checks a call and returns its result type, or null when the function is not a built-in.</summary>
    /// <param name="name">The function key, such as <c>fn::join</c>.</param>
    /// <param name="argument">The value of the function key.</param>
    /// <param name="location">The location of the call, ending with the function key.</param>
    public TypeShape? Evaluate(string name, YamlNode argument, string location)
    {
        switch (name)
        {
            case "fn::invoke":
                return CheckInvoke(argument, location);
            case "fn::join":
                CheckPair(name, argument, "[delimiter, values]", WellKnownSpecs.String, WellKnownSpecs.StringArray, location);
                return TypeShape.String;
            case "fn::select":
                CheckPair(name, argument, "[index, values]", WellKnownSpecs.Integer, WellKnownSpecs.AnyArray, location);
                return TypeShape.Any;
            case "fn::split":
                CheckPair(name, argument, "[delimiter, source]", WellKnownSpecs.String, WellKnownSpecs.String, location);
                return TypeShape.ArrayOf(WellKnownSpecs.String);
            case "fn::toJSON":
                Values.Check(argument, null, location);
                return TypeShape.String;
            case "fn::toBase64" or "fn::fromBase64" or "fn::readFile":
                Values.Check(argument, WellKnownSpecs.String, location);
                return TypeShape.String;
            case "fn::fileAsset" or "fn::stringAsset" or "fn::remoteAsset":
                Values.Check(argument, WellKnownSpecs.String, location);
                return TypeShape.Asset;
            case "fn::fileArchive" or "fn::remoteArchive":
                Values.Check(argument, WellKnownSpecs.String, location);
                return TypeShape.Archive;
            case "fn::assetArchive":
                CheckAssetArchive(argument, location);
                return TypeShape.Archive;
            default:
                Sink.Add(location, $"{YamlText.Quote(name)} is not a supported built-in function (supported: {string.Join(", ", Names)})");
                Values.Check(argument, null, location);
                return null;
        }
    }

    private void CheckPair(string name, YamlNode argument, string shape, PropertySpec first, PropertySpec second, string location)
    {
        if (argument is not YamlSequenceNode { Children.Count: 2 } pair)
        {
            Sink.Add(location, $"{name} takes a sequence of two items {shape}, not {YamlText.DescribeWithKind(argument)}");
            Values.Check(argument, null, location);
            return;
        }

        Values.Check(pair.Children[0], first, YamlText.Item(location, 0));
        Values.Check(pair.Children[1], second, YamlText.Item(location, 1));
    }

    private void CheckAssetArchive(YamlNode argument, string location)
    {
        if (argument is not YamlMappingNode entries)
        {
            Sink.Add(location, $"fn::assetArchive takes a mapping of name → asset or archive, not {YamlText.DescribeWithKind(argument)}");
            return;
        }

        foreach ((YamlNode key, YamlNode value) in entries.Children)
        {
            Values.Check(value, WellKnownSpecs.Asset, YamlText.Child(location, YamlText.KeyText(key) ?? "?"));
        }
    }

    private TypeShape CheckInvoke(YamlNode argument, string location)
    {
        if (argument is not YamlMappingNode invoke)
        {
            Sink.Add(location, $"fn::invoke takes a mapping with the keys {string.Join(", ", InvokeKeys)}, not {YamlText.DescribeWithKind(argument)}");
            return TypeShape.Any;
        }

        YamlNode? functionNode = null;
        YamlNode? argumentsNode = null;
        YamlNode? optionsNode = null;
        YamlNode? returnNode = null;
        foreach ((YamlNode keyNode, YamlNode value) in invoke.Children)
        {
            string key = YamlText.KeyText(keyNode) ?? YamlText.Describe(keyNode);
            switch (key)
            {
                case "function":
                    functionNode = value;
                    break;
                case "arguments":
                    argumentsNode = value;
                    break;
                case "options":
                    optionsNode = value;
                    break;
                case "return":
                    returnNode = value;
                    break;
                default:
                    Sink.Add(YamlText.Child(location, key), $"{YamlText.Quote(key)} is not a key of fn::invoke (allowed: {string.Join(", ", InvokeKeys)})");
                    break;
            }
        }

        FunctionSchema? function = FindFunction(functionNode, location);
        CheckArguments(function, argumentsNode, YamlText.Child(location, "arguments"));
        if (optionsNode is not null)
        {
            CheckInvokeOptions(function, optionsNode, YamlText.Child(location, "options"));
        }

        return ReturnType(function, returnNode, YamlText.Child(location, "return"));
    }

    private FunctionSchema? FindFunction(YamlNode? functionNode, string location)
    {
        string functionLocation = YamlText.Child(location, "function");
        if (functionNode is null)
        {
            Sink.Add(functionLocation, "fn::invoke has no function: it needs the function token");
            return null;
        }

        if (functionNode is not YamlScalarNode scalar || YamlScalars.Classify(scalar) != ScalarKind.String)
        {
            Sink.Add(functionLocation, $"{YamlText.DescribeWithKind(functionNode)} is not a function token");
            return null;
        }

        string token = scalar.Value ?? string.Empty;
        FunctionSchema? function = context.Schemas.FindFunction(token);
        if (function is null)
        {
            PackageSchema? package = context.Schemas.FindPackage(token);
            Sink.Add(functionLocation, package is null
                ? $"{YamlText.Quote(token)} is not a function of any loaded package (loaded: {string.Join(", ", context.Schemas.Packages.Select(p => p.Name))})"
                : $"{YamlText.Quote(token)} is not a function of package {package}");
        }

        return function;
    }

    private void CheckArguments(FunctionSchema? function, YamlNode? argumentsNode, string location)
    {
        YamlMappingNode? arguments = argumentsNode as YamlMappingNode;
        if (argumentsNode is not null && arguments is null && !YamlScalars.IsNull(argumentsNode))
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(argumentsNode)} is not a mapping of function arguments");
            return;
        }

        if (function is null)
        {
            if (arguments is not null)
            {
                Values.Check(arguments, null, location);
            }

            return;
        }

        IReadOnlyDictionary<string, PropertySpec> inputs = function.Inputs?.Properties ?? new Dictionary<string, PropertySpec>();
        Values.CheckObject(arguments, inputs, function.Inputs?.Required ?? [], $"function {function.Token}", location);
    }

    private void CheckInvokeOptions(FunctionSchema? function, YamlNode optionsNode, string location)
    {
        if (optionsNode is not YamlMappingNode options)
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(optionsNode)} is not a mapping of invoke options");
            return;
        }

        PackageSchema? package = function is null ? null : context.Schemas.FindPackage(function.Token);
        foreach ((YamlNode keyNode, YamlNode value) in options.Children)
        {
            string key = YamlText.KeyText(keyNode) ?? YamlText.Describe(keyNode);
            string optionLocation = YamlText.Child(location, key);
            switch (key)
            {
                case "provider":
                    context.Options.CheckProvider(value, package?.Name, function?.Token, optionLocation);
                    break;
                case "version":
                    context.Options.CheckVersion(value, package, optionLocation);
                    break;
                case "parent":
                    context.Options.CheckResourceReference(value, key, optionLocation);
                    break;
                case "dependsOn":
                    context.Options.CheckResourceReferenceList(value, key, optionLocation);
                    break;
                default:
                    Sink.Add(optionLocation, $"{YamlText.Quote(key)} is not an invoke option (allowed: {string.Join(", ", InvokeOptionKeys)})");
                    break;
            }
        }
    }

    private TypeShape ReturnType(FunctionSchema? function, YamlNode? returnNode, string location)
    {
        if (function is null)
        {
            return TypeShape.Any;
        }

        if (returnNode is null)
        {
            return function.Outputs is null ? TypeShape.Any : TypeShape.ObjectOf(function.Outputs);
        }

        if (returnNode is not YamlScalarNode scalar || YamlScalars.Classify(scalar) != ScalarKind.String)
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(returnNode)} is not the name of an output of function {function.Token}");
            return TypeShape.Any;
        }

        string name = scalar.Value ?? string.Empty;
        if (function.Outputs is null || !function.Outputs.Properties.TryGetValue(name, out PropertySpec? output))
        {
            string outputs = function.Outputs is null ? "none" : string.Join(", ", function.Outputs.Properties.Keys);
            Sink.Add(location, $"{YamlText.Quote(name)} is not an output of function {function.Token} (outputs: {outputs})");
            return TypeShape.Any;
        }

        return context.Shape(output);
    }

}
