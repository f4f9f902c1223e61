using EdgeInfra.Yaml;

namespace EdgeInfra.Review;

/// <summary>A config key a program declares under <c>config</c>, e.g. <c>{type: "string", secret: true}</c>.</summary>
/// <param name="Key">The config key.</param>
/// <param name="Declaration">The declaration as the program states it.</param>
/// <param name="IsSecret">True when the declaration says <c>secret: true</c>.</param>
public sealed record ProgramConfigDeclaration(string Key, YamlValue Declaration, bool IsSecret);
