using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EdgeInfra.Expressions;
using EdgeInfra.Generator.Model;
using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Tests.Support;

/// <summary>
/// Makes argument objects of generated bindings by reflection, with every required property set to a value the
/// schema accepts (strings <c>"x"</c>, integers 1, numbers 1.5, booleans true, the first value of an enum, the
/// first member of an object union, one item for a list or map, nested required objects filled the same way).
/// The schema name of each C# property is found by setting it to a marked probe and seeing which input the
/// arguments state it as.
/// </summary>
internal sealed class RequiredInputFiller(SchemaSet schemas, Assembly bindings)
{
    private const int MaxDepth = 12;

    private readonly Dictionary<string, BindingSymbols> _symbols = new(StringComparer.Ordinal);
    private int _probes;

    /// <summary>Problems found on the way: C# <c>required</c> members the schema does not require, and the reverse.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>An instance of <paramref name="argsType"/> with the required properties of <paramref name="properties"/> set.</summary>
    public InputArgs Fill(Type argsType, IReadOnlyDictionary<string, PropertySpec> properties, IEnumerable<string> required, string owner, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"required inputs nest deeper than {MaxDepth} at {owner}");
        }

        var args = (InputArgs)Activator.CreateInstance(argsType)!;
        var byName = SchemaNames(args);
        var requiredNames = required.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, property) in byName)
        {
            var csharpRequired = property.GetCustomAttribute<RequiredMemberAttribute>() is not null;
            if (csharpRequired && !requiredNames.Contains(name))
            {
                Problems.Add($"{owner}.{name}: C# requires it, the schema does not");
            }
        }

        foreach (var name in requiredNames.Order(StringComparer.Ordinal))
        {
            if (!byName.TryGetValue(name, out var property))
            {
                Problems.Add($"{owner}.{name}: the schema requires it, {argsType.Name} has no property for it");
                continue;
            }

            if (property.GetCustomAttribute<RequiredMemberAttribute>() is null)
            {
                if (properties[name].Const is null)
                {
                    Problems.Add($"{owner}.{name}: the schema requires it, C# does not (and the schema fixes no value)");
                }

                continue;
            }

            property.SetValue(args, PropertyValue(property.PropertyType, properties[name], $"{owner}.{name}", depth));
        }

        return args;
    }

    private Dictionary<string, PropertyInfo> SchemaNames(InputArgs args)
    {
        var byName = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var property in args.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var marker = "probe-" + _probes++;
            var original = property.GetValue(args);
            property.SetValue(args, Probe(property.PropertyType, marker));
            var name = args.SetInputs()
                .Single(input => ExpressionFactory.FromValue(input.Value).DescendantsAndSelf().OfType<LiteralExpression>().Any(l => Equals(l.Value, marker)))
                .Key;
            property.SetValue(args, original);
            byName.Add(name, property);
        }

        return byName;
    }

    private static object Probe(Type type, string marker)
    {
        var item = type.GetGenericArguments()[0];
        var input = typeof(Input<>).MakeGenericType(item).GetMethod(nameof(Input<object>.FromExpression))!.Invoke(null, [new LiteralExpression(marker)])!;
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Input<>))
        {
            return input;
        }

        var collection = Activator.CreateInstance(type)!;
        if (definition == typeof(InputList<>))
        {
            var items = Array.CreateInstance(input.GetType(), 1);
            items.SetValue(input, 0);
            type.GetMethod("Add")!.Invoke(collection, [items]);
        }
        else
        {
            type.GetMethod("Add")!.Invoke(collection, ["key", input]);
        }

        return collection;
    }

    private object PropertyValue(Type type, PropertySpec spec, string owner, int depth)
    {
        var item = type.GetGenericArguments()[0];
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(InputList<>))
        {
            var list = Activator.CreateInstance(type)!;
            var items = Array.CreateInstance(typeof(Input<>).MakeGenericType(item), 1);
            items.SetValue(ToInput(item, Value(item, spec.Items!, owner + "[0]", depth)), 0);
            type.GetMethod("Add")!.Invoke(list, [items]);
            return list;
        }

        if (definition == typeof(InputMap<>))
        {
            var map = Activator.CreateInstance(type)!;
            type.GetMethod("Add")!.Invoke(map, ["key", ToInput(item, Value(item, spec.AdditionalProperties!, owner + ".key", depth))]);
            return map;
        }

        return ToInput(item, Value(item, spec, owner, depth));
    }

    private static object ToInput(Type item, object value) =>
        typeof(Input<>).MakeGenericType(item).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == "op_Implicit" && m.GetParameters()[0].ParameterType == item)
            .Invoke(null, [value])!;

    private object Value(Type type, PropertySpec spec, string owner, int depth)
    {
        if (type == typeof(string) || type == typeof(int) || type == typeof(double) || type == typeof(bool) || type == typeof(object))
        {
            return Scalar(type, spec);
        }

        if (type.IsValueType && typeof(IInput).IsAssignableFrom(type))
        {
            return type.GetProperties(BindingFlags.Public | BindingFlags.Static).First(p => p.PropertyType == type).GetValue(null)!;
        }

        if (type == typeof(AssetOrArchive) || type == typeof(Asset))
        {
            return new StringAsset("x");
        }

        if (type == typeof(Archive))
        {
            return new FileArchive("./x");
        }

        var objectSpec = spec;
        if (type == typeof(InputArgs))
        {
            objectSpec = spec.OneOf[0];
            var member = objectSpec.Ref!.Token!;
            var memberClass = Symbols(member).InputClasses[member];
            type = bindings.GetType(memberClass.Namespace + "." + memberClass.Name, throwOnError: true)!;
        }

        var objectType = (ObjectTypeSchema)schemas.FindType(objectSpec.Ref!.Token!)!;
        return Fill(type, objectType.Properties, objectType.Required, owner, depth + 1);
    }

    private static object Scalar(Type type, PropertySpec spec)
    {
        if (spec.Const is JsonElement constant)
        {
            return constant.GetString()!;
        }

        var plain = spec.OneOf.FirstOrDefault(a => a.Ref is null) ?? spec;
        if (plain.Ref is not null)
        {
            throw new NotSupportedException($"no sample value for {spec}");
        }

        return (type == typeof(object) ? plain.Type : TypeOf(type)) switch
        {
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            _ => "x",
        };
    }

    private static string TypeOf(Type type) =>
        type == typeof(int) ? "integer" : type == typeof(double) ? "number" : type == typeof(bool) ? "boolean" : "string";

    private BindingSymbols Symbols(string token)
    {
        var package = schemas.FindPackage(token)!;
        if (!_symbols.TryGetValue(package.Name, out var symbols))
        {
            symbols = BindingSymbols.Of(package);
            _symbols[package.Name] = symbols;
        }

        return symbols;
    }
}
