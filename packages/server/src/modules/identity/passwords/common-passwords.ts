/**
 * Passwords attackers try first. Each one passes a naive complexity rule, which is exactly
 * why the policy rejects them explicitly. Compared case-insensitively; a password is also
 * rejected when it is one of these with trailing digits or symbols changed.
 */
const list = `password passw0rd p@ssword p@ssw0rd pa$$word pa$$w0rd password1 password123 qwerty qwerty123
qwertyuiop qwer1234 asdf1234 asdfgh zxcvbnm 1q2w3e4r 1qaz2wsx zaq12wsx abc123 abcd1234 admin admin123
administrator root toor letmein welcome welcome1 welcome123 changeme changeit iloveyou monkey dragon
master sunshine princess football baseball superman batman trustno1 shadow michael jennifer hello
hello123 test test123 testing guest default secret secret123 login login123 user user123 system
summer winter spring autumn company office signx signx123 china beijing shanghai woaini aini1314
a1b2c3d4 11111111 12345678 123456789 1234567890 87654321 00000000 88888888 66666666 qwe123 qweasd
qweasdzxc 1qazxsw2 asdqwe123 passport access starwars whatever freedom ninja mustang computer
internet samsung google apple microsoft`;

export const commonPasswords: ReadonlySet<string> = new Set(list.split(/\s+/).filter(Boolean));

/** The password with case folded and decoration (trailing digits/symbols, leetspeak) removed. */
export function normalizedForList(password: string): string[] {
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[^a-z]+$/u, '').replace(/^[^a-z]+/u, '');
  const unleet = stripped.replace(/@/g, 'a').replace(/0/g, 'o').replace(/\$/g, 's').replace(/1/g, 'i');
  return [lower, stripped, unleet];
}
