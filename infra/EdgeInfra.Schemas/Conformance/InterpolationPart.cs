namespace EdgeInfra.Schemas;

/// <summary>A piece of an interpolated string: literal text followed by an optional reference.</summary>
/// <param name="Text">The literal text before the reference (with <c>$$</c> already unescaped to <c>$</c>).</param>
/// <param name="Access">The reference that follows the text, or null for trailing text.</param>
internal sealed record InterpolationPart(string Text, PropertyAccess? Access);
