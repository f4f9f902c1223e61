namespace EdgeInfra.Expressions;

/// <summary>
/// A value of the stack graph as the synthesized program will state it: a literal, a reference to a
/// resource output or a config key, an invoke, an interpolation or a call of a YAML built-in function.
/// Expressions are immutable; <see cref="Input{T}"/> and <see cref="Output{T}"/> are typed views of them.
/// </summary>
public abstract class Expression
{
    private protected Expression()
    {
    }

    /// <summary>The expressions this one is made of, in a stable order.</summary>
    public abstract IEnumerable<Expression> Children { get; }

    /// <summary>Every expression of this tree, this one first, depth first.</summary>
    public IEnumerable<Expression> DescendantsAndSelf()
    {
        var stack = new Stack<Expression>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            if (current.Children is IReadOnlyList<Expression> children)
            {
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }
            else
            {
                foreach (var child in current.Children.Reverse())
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>
    /// The expression that selects a property or an item of this one's value. Only references
    /// and invokes can be navigated: Pulumi YAML has no property access on other expressions.
    /// </summary>
    /// <exception cref="InvalidOperationException">This expression cannot be navigated.</exception>
    public virtual Expression Navigate(PathSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.Index is int index)
        {
            return new BuiltinCallExpression(BuiltinFunction.Select, [new LiteralExpression((long)index), this]);
        }

        throw new InvalidOperationException(
            $"Cannot select property '{segment.Name}' of a {Describe()}: Pulumi YAML can only select properties of resources, config values and invoke results.");
    }

    /// <summary>A short description of the kind of expression, for error messages.</summary>
    public abstract string Describe();
}
