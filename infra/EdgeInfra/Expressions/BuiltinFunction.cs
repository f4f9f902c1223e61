namespace EdgeInfra.Expressions;

/// <summary>The Pulumi YAML built-in functions EdgeInfra writes; no other <c>fn::</c> key ever appears in a program.</summary>
public enum BuiltinFunction
{
    /// <summary><c>fn::join: [delimiter, values]</c></summary>
    Join,

    /// <summary><c>fn::select: [index, values]</c></summary>
    Select,

    /// <summary><c>fn::split: [delimiter, source]</c></summary>
    Split,

    /// <summary><c>fn::toJSON: value</c></summary>
    ToJson,

    /// <summary><c>fn::toBase64: value</c></summary>
    ToBase64,

    /// <summary><c>fn::fromBase64: value</c></summary>
    FromBase64,

    /// <summary><c>fn::secret: value</c></summary>
    Secret,

    /// <summary><c>fn::readFile: path</c></summary>
    ReadFile,
}
