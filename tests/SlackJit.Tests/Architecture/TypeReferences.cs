using System.Reflection;
using System.Reflection.Emit;

namespace SlackJit.Tests.Architecture;

/// <summary>
/// Every type a type uses, read by reflection: its base type and interfaces, the signatures of its fields,
/// properties and methods, their locals, and every type, method and field its IL touches (with generic
/// arguments, so <c>GetRequiredService&lt;IWorkHandler&lt;T&gt;&gt;</c> counts). Compiler-generated nested types
/// (lambdas, async state machines) belong to the type they are nested in.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }
            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }
            if (t.IsGenericType)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }
        foreach (var attribute in type.GetCustomAttributesData())
        {
            Add(attribute.AttributeType);
        }
        foreach (var field in type.GetFields(All))
        {
            Add(field.FieldType);
        }
        foreach (var property in type.GetProperties(All))
        {
            Add(property.PropertyType);
        }
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }
            var body = method.GetMethodBody();
            if (body is null)
            {
                continue;
            }
            foreach (var local in body.LocalVariables)
            {
                Add(local.LocalType);
            }
            foreach (var used in FromIl(method, body.GetILAsByteArray() ?? []))
            {
                Add(used);
            }
        }
        return found;
    }

    /// <summary>Every string a type's code loads (<c>ldstr</c>), and its string constants.</summary>
    public static IEnumerable<string> Strings(Type type)
    {
        foreach (var field in type.GetFields(All))
        {
            if (field is { IsLiteral: true } && field.FieldType == typeof(string) && field.GetRawConstantValue() is string constant)
            {
                yield return constant;
            }
        }
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
            foreach (var (opCode, operand) in Instructions(il))
            {
                if (opCode.OperandType == OperandType.InlineString)
                {
                    yield return method.Module.ResolveString(BitConverter.ToInt32(il, operand));
                }
            }
        }
    }

    /// <summary>Each instruction of a method body: its opcode and where its operand starts.</summary>
    private static IEnumerable<(OpCode OpCode, int Operand)> Instructions(byte[] il)
    {
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }
            var opCode = OpCodesByValue[value];
            yield return (opCode, position);
            position += opCode.OperandType == OperandType.InlineSwitch
                ? 4 + (4 * BitConverter.ToInt32(il, position))
                : OperandSize(opCode.OperandType);
        }
    }

    private static IEnumerable<Type> FromIl(MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var (opCode, operand) in Instructions(il))
        {
            if (opCode.OperandType is not (OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok))
            {
                continue;
            }
            MemberInfo? member;
            try
            {
                member = module.ResolveMember(BitConverter.ToInt32(il, operand), typeArguments, methodArguments);
            }
            catch (ArgumentException)
            {
                continue;
            }
            switch (member)
            {
                case Type t:
                    yield return t;
                    break;
                case MethodBase m:
                    yield return m.DeclaringType!;
                    if (m is MethodInfo { IsGenericMethod: true } generic)
                    {
                        foreach (var argument in generic.GetGenericArguments())
                        {
                            yield return argument;
                        }
                    }
                    break;
                case FieldInfo f:
                    yield return f.DeclaringType!;
                    yield return f.FieldType;
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
