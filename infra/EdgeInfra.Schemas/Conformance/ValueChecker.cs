using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Schemas;

/// <summary>
/// Checks a value of the program against the type it is expected to have: literals by their YAML kind, sequences,
/// mappings and objects recursively, unions by their alternatives, and expressions (references and <c>fn::</c>
/// built-ins) by the type they produce. Returns the type of the value, for references to variables.
/// </summary>
internal sealed class ValueChecker
{
    private const string FunctionPrefix = "fn::";
    private readonly ProgramContext context;

    public ValueChecker(ProgramContext context)
    {
        this.context = context;
    }

    private ViolationSink Sink => context.Sink;

    /// <summary>Checks a value; a null <paramref name="expected"/> only checks the expressions inside the value.</summary>
    public TypeShape Check(YamlNode node, PropertySpec? expected, string location) =>
        CheckShape(node, expected is null ? null : context.Shape(expected), expected?.Const, location);

    /// <summary>
    /// Checks the properties of an object value: every name must be a property, every required property must be
    /// present (a required property with a schema default may be left out), every value must fit its property.
    /// </summary>
    public void CheckObject(YamlMappingNode? mapping, IReadOnlyDictionary<string, PropertySpec> properties, IReadOnlyList<string> required, string owner, string location)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        if (mapping is not null)
        {
            foreach ((YamlNode keyNode, YamlNode value) in mapping.Children)
            {
                string? key = YamlText.KeyText(keyNode);
                if (key is null)
                {
                    Sink.Add(location, $"{YamlText.Describe(keyNode)} is not a property name: property names must be scalars");
                    continue;
                }

                present.Add(key);
                string propertyLocation = YamlText.Child(location, key);
                if (!properties.TryGetValue(key, out PropertySpec? spec))
                {
                    Sink.Add(propertyLocation, $"unknown property {YamlText.Quote(key)}: {owner} has no input property of that name{Suggestion(key, properties.Keys)}");
                    Check(value, null, propertyLocation);
                    continue;
                }

                if (YamlScalars.IsNull(value) && required.Contains(key) && spec.Default is null)
                {
                    Sink.Add(propertyLocation, $"required property {YamlText.Quote(key)} of {owner} is null");
                    continue;
                }

                Check(value, spec, propertyLocation);
            }
        }

        foreach (string name in required)
        {
            bool hasDefault = properties.TryGetValue(name, out PropertySpec? spec) && spec.Default is not null;
            if (!present.Contains(name) && !hasDefault)
            {
                Sink.Add(YamlText.Child(location, name), $"required property {YamlText.Quote(name)} of {owner} is missing");
            }
        }
    }

    /// <summary>Reports a value whose type does not fit the expected type.</summary>
    public void RequireAssignable(TypeShape actual, TypeShape? expected, string location, string what)
    {
        if (expected is not null && !context.Compatibility.IsAssignable(actual, expected))
        {
            Sink.Add(location, $"{what} has type {actual}, which does not match the expected type {expected}");
        }
    }


    private static string Suggestion(string key, IEnumerable<string> names)
    {
        string? match = names.FirstOrDefault(name => string.Equals(name, key, StringComparison.OrdinalIgnoreCase));
        return match is null ? string.Empty : $" (did you mean {YamlText.Quote(match)}?)";
    }

    private TypeShape CheckShape(YamlNode node, TypeShape? expected, JsonElement? constant, string location)
    {
        if (node is YamlMappingNode call && IsFunctionCall(call))
        {
            return CheckFunctionCall(call, expected, location);
        }

        string? literalText = null;
        if (node is YamlScalarNode scalar && YamlScalars.Classify(scalar) == ScalarKind.String)
        {
            string value = scalar.Value ?? string.Empty;
            if (!InterpolationParser.TryParse(value, out IReadOnlyList<InterpolationPart> parts, out string? error))
            {
                Sink.Add(location, $"{YamlText.Quote(value)} is not a valid interpolation: {error}");
                return TypeShape.Any;
            }

            if (InterpolationParser.HasReference(parts))
            {
                return CheckInterpolation(value, parts, expected, location);
            }

            literalText = parts[0].Text;
        }

        if (expected is { Kind: TypeShapeKind.OneOf })
        {
            return CheckOneOf(node, expected, location);
        }

        return node switch
        {
            YamlScalarNode literal => CheckScalar(literal, literalText ?? literal.Value ?? string.Empty, expected, constant, location),
            YamlSequenceNode sequence => CheckSequence(sequence, expected, location),
            YamlMappingNode mapping => CheckMapping(mapping, expected, location),
            _ => TypeShape.Any,
        };
    }

    private static bool IsFunctionCall(YamlMappingNode mapping) =>
        mapping.Children.Keys.Any(key => YamlText.KeyText(key)?.StartsWith(FunctionPrefix, StringComparison.OrdinalIgnoreCase) == true);

    private TypeShape CheckFunctionCall(YamlMappingNode mapping, TypeShape? expected, string location)
    {
        if (mapping.Children.Count != 1)
        {
            string keys = string.Join(", ", mapping.Children.Keys.Select(YamlText.Describe));
            Sink.Add(location, $"a mapping with an fn:: key must have no other key, but it has the keys {keys}");
            return TypeShape.Any;
        }

        (YamlNode keyNode, YamlNode argument) = mapping.Children.First();
        string name = YamlText.KeyText(keyNode)!;
        string callLocation = YamlText.Child(location, name);
        if (name == "fn::secret")
        {
            return CheckShape(argument, expected, null, callLocation);
        }

        TypeShape? result = context.Builtins.Evaluate(name, argument, callLocation);
        if (result is null)
        {
            return TypeShape.Any;
        }

        RequireAssignable(result, expected, location, name);
        return result;
    }

    private TypeShape CheckInterpolation(string value, IReadOnlyList<InterpolationPart> parts, TypeShape? expected, string location)
    {
        if (parts.Count == 1 && parts[0].Text.Length == 0)
        {
            PropertyAccess access = parts[0].Access!;
            TypeShape type = context.References.Resolve(access, location);
            if (type.Kind == TypeShapeKind.ResourceReference)
            {
                ReportResourceReference(access, location);
                return TypeShape.Any;
            }

            RequireAssignable(type, expected, location, access.Text);
            return type;
        }

        foreach (InterpolationPart part in parts)
        {
            if (part.Access is { } access && context.References.Resolve(access, location).Kind == TypeShapeKind.ResourceReference)
            {
                ReportResourceReference(access, location);
            }
        }

        RequireAssignable(TypeShape.String, expected, location, $"the interpolated string {YamlText.Quote(value)}");
        return TypeShape.String;
    }

    private void ReportResourceReference(PropertyAccess access, string location)
    {
        Sink.Add(location, $"{access.Text} is a bare resource reference, which is allowed only in the resource options dependsOn, parent, provider and deletedWith; refer to an output such as ${{{access.RootName}.id}} instead");
    }

    private TypeShape CheckScalar(YamlScalarNode scalar, string text, TypeShape? expected, JsonElement? constant, string location)
    {
        ScalarKind kind = YamlScalars.Classify(scalar);
        if (expected is null)
        {
            return kind switch
            {
                ScalarKind.String => TypeShape.String,
                ScalarKind.Integer => TypeShape.Integer,
                ScalarKind.Float => TypeShape.Number,
                ScalarKind.Boolean => TypeShape.Boolean,
                _ => TypeShape.Any,
            };
        }

        if (kind == ScalarKind.Null)
        {
            return TypeShape.Any;
        }

        string described = kind == ScalarKind.String ? $"{YamlText.Quote(text)} (a string)" : YamlText.DescribeWithKind(scalar);
        switch (expected.Kind)
        {
            case TypeShapeKind.Any:
                return expected;
            case TypeShapeKind.Enum:
                CheckEnumLiteral(kind, text, described, expected.Enum!, location);
                return expected;
            case TypeShapeKind.Asset or TypeShapeKind.Archive:
                Sink.Add(location, $"{described} does not match the expected type {expected}: give an fn::fileAsset, fn::stringAsset, fn::remoteAsset, fn::fileArchive, fn::remoteArchive or fn::assetArchive");
                return TypeShape.Any;
        }

        bool fits = expected.Kind switch
        {
            TypeShapeKind.String => kind == ScalarKind.String,
            TypeShapeKind.Integer => kind == ScalarKind.Integer,
            TypeShapeKind.Number => kind is ScalarKind.Integer or ScalarKind.Float,
            TypeShapeKind.Boolean => kind == ScalarKind.Boolean,
            _ => false,
        };
        if (!fits)
        {
            Sink.Add(location, $"{described} does not match the expected type {expected}");
            return TypeShape.Any;
        }

        if (constant is { } value && !YamlScalars.EqualsJson(kind, text, value))
        {
            Sink.Add(location, $"{described} is not the constant {value.GetRawText()} that this property requires");
        }

        return expected;
    }

    private void CheckEnumLiteral(ScalarKind kind, string text, string described, EnumTypeSchema enumType, string location)
    {
        if (!enumType.Values.Any(value => YamlScalars.EqualsJson(kind, text, value.Value)))
        {
            string allowed = string.Join(", ", enumType.Values.Select(value => value.Value.GetRawText()));
            Sink.Add(location, $"{described} is not a value of the enum {enumType.Token} (allowed: {allowed})");
        }
    }

    private TypeShape CheckSequence(YamlSequenceNode sequence, TypeShape? expected, string location)
    {
        if (expected is null || expected.Kind == TypeShapeKind.Any || expected.Kind == TypeShapeKind.Array)
        {
            PropertySpec? element = expected?.Element;
            TypeShape? elementShape = element is null ? null : context.Shape(element);
            int index = 0;
            foreach (YamlNode item in sequence.Children)
            {
                CheckShape(item, elementShape, element?.Const, YamlText.Item(location, index++));
            }

            return expected ?? TypeShape.ArrayOf(null);
        }

        Sink.Add(location, $"a sequence does not match the expected type {expected}");
        CheckChildren(sequence, location);
        return TypeShape.Any;
    }

    private TypeShape CheckMapping(YamlMappingNode mapping, TypeShape? expected, string location)
    {
        if (expected is { Kind: TypeShapeKind.Object })
        {
            CheckObject(mapping, expected.Object!.Properties, expected.Object.Required, expected.Object.Token, location);
            return expected;
        }

        if (expected is null || expected.Kind == TypeShapeKind.Any || expected.Kind == TypeShapeKind.Map)
        {
            PropertySpec? element = expected?.Element;
            TypeShape? elementShape = element is null ? null : context.Shape(element);
            foreach ((YamlNode keyNode, YamlNode value) in mapping.Children)
            {
                string? key = YamlText.KeyText(keyNode);
                if (key is null)
                {
                    Sink.Add(location, $"{YamlText.Describe(keyNode)} is not a valid key: mapping keys must be scalars");
                    continue;
                }

                CheckShape(value, elementShape, element?.Const, YamlText.Child(location, key));
            }

            return expected ?? TypeShape.MapOf(null);
        }

        Sink.Add(location, $"a mapping does not match the expected type {expected}");
        CheckChildren(mapping, location);
        return TypeShape.Any;
    }

    /// <summary>Checks only the expressions inside a value whose own type is wrong, so that their violations are reported too.</summary>
    private void CheckChildren(YamlNode node, string location)
    {
        if (node is YamlSequenceNode sequence)
        {
            CheckSequence(sequence, null, location);
        }
        else if (node is YamlMappingNode mapping)
        {
            CheckMapping(mapping, null, location);
        }
    }

    private TypeShape CheckOneOf(YamlNode node, TypeShape union, string location)
    {
        if (union.Discriminator is { } discriminator && node is YamlMappingNode mapping && TryCheckDiscriminated(mapping, discriminator, union, location, out TypeShape chosen))
        {
            return chosen;
        }

        var failures = new List<(TypeShape Shape, List<ConformanceViolation> Violations)>();
        foreach (PropertySpec alternative in union.Alternatives)
        {
            TypeShape shape = context.Shape(alternative);
            List<ConformanceViolation> violations = Sink.Capture(() => CheckShape(node, shape, alternative.Const, location));
            if (violations.Count == 0)
            {
                return shape;
            }

            failures.Add((shape, violations));
        }

        var candidates = failures.Where(failure => Fits(node, failure.Shape)).ToList();
        if (candidates.Count == 1)
        {
            Sink.AddRange(candidates[0].Violations);
        }
        else
        {
            Sink.Add(location, $"{YamlText.DescribeWithKind(node)} matches none of the alternatives of {union}");
            CheckChildren(node, location);
        }

        return TypeShape.Any;
    }

    /// <summary>
    /// Checks a mapping against the member of a discriminated union that its discriminator property selects.
    /// Returns false when the discriminator value is not a literal, so that the alternatives are tried instead.
    /// </summary>
    private bool TryCheckDiscriminated(YamlMappingNode mapping, DiscriminatorSpec discriminator, TypeShape union, string location, out TypeShape chosen)
    {
        chosen = TypeShape.Any;
        string allowed = YamlText.JoinQuoted(discriminator.Mapping.Keys);
        YamlNode? value = mapping.Children.FirstOrDefault(entry => YamlText.KeyText(entry.Key) == discriminator.PropertyName).Value;
        if (value is null)
        {
            Sink.Add(YamlText.Child(location, discriminator.PropertyName), $"the discriminator property {YamlText.Quote(discriminator.PropertyName)} of {union} is missing (one of {allowed})");
            CheckChildren(mapping, location);
            return true;
        }

        if (value is not YamlScalarNode scalar || YamlScalars.Classify(scalar) != ScalarKind.String
            || !InterpolationParser.TryParse(scalar.Value ?? string.Empty, out IReadOnlyList<InterpolationPart> parts, out _)
            || InterpolationParser.HasReference(parts))
        {
            return false;
        }

        string text = parts[0].Text;
        if (!discriminator.Mapping.TryGetValue(text, out SchemaReference? reference) || reference.Token is null
            || context.Schemas.FindType(reference.Token) is not ObjectTypeSchema member)
        {
            Sink.Add(YamlText.Child(location, discriminator.PropertyName), $"{YamlText.Quote(text)} is not a value of the discriminator {YamlText.Quote(discriminator.PropertyName)} of {union} (allowed: {allowed})");
            CheckChildren(mapping, location);
            return true;
        }

        CheckObject(mapping, member.Properties, member.Required, member.Token, location);
        chosen = TypeShape.ObjectOf(member);
        return true;
    }

    private static bool Fits(YamlNode node, TypeShape shape) => node switch
    {
        YamlMappingNode => shape.Kind is TypeShapeKind.Object or TypeShapeKind.Map,
        YamlSequenceNode => shape.Kind == TypeShapeKind.Array,
        _ => shape.Kind is TypeShapeKind.String or TypeShapeKind.Integer or TypeShapeKind.Number or TypeShapeKind.Boolean or TypeShapeKind.Enum,
    };
}
