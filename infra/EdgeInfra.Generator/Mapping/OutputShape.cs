namespace EdgeInfra.Generator.Mapping;

/// <summary>How an output property is typed and read.</summary>
internal enum OutputShapeKind
{
    /// <summary>A typed value: <c>Output&lt;T&gt;</c>.</summary>
    Value,

    /// <summary>An output class: <c>X</c>, built from the property's expression.</summary>
    Object,

    /// <summary>A list of output classes: <c>OutputList&lt;X&gt;</c>.</summary>
    List,

    /// <summary>A map of output classes: <c>OutputMap&lt;X&gt;</c>.</summary>
    Map,
}

/// <summary>The C# shape of an output property.</summary>
/// <param name="Kind">How it is typed and read.</param>
/// <param name="Type">For <see cref="OutputShapeKind.Value"/> the value type <c>T</c>; otherwise the output class <c>X</c>; as the current namespace writes them.</param>
internal sealed record OutputShape(OutputShapeKind Kind, string Type)
{
    /// <summary>The property's C# type.</summary>
    public string PropertyType => Kind switch
    {
        OutputShapeKind.Value => "global::EdgeInfra.Output<" + Type + ">",
        OutputShapeKind.List => "global::EdgeInfra.OutputList<" + Type + ">",
        OutputShapeKind.Map => "global::EdgeInfra.OutputMap<" + Type + ">",
        _ => Type,
    };

    /// <summary>
    /// The expression that reads the property <paramref name="name"/> (a C# string literal), given how the class
    /// reads a typed value (<c>GetOutput</c> or <c>Property</c>) and the expression of a property (<c>OutputExpression</c> or <c>Navigate</c>).
    /// </summary>
    public string Accessor(string name, string valueReader, string expressionReader) => Kind switch
    {
        OutputShapeKind.Value => $"{valueReader}<{Type}>({name})",
        OutputShapeKind.Object => $"new({expressionReader}({name}))",
        _ => $"new({expressionReader}({name}), e => new {Type}(e))",
    };
}
