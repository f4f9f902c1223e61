namespace EdgeInfra.Review;

/// <summary>The program a diff should compare against cannot be had: no such file or ref, or its tree does not synthesize.</summary>
public sealed class BaseProgramException(string message) : Exception(message);
