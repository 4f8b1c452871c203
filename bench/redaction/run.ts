/**
 * Redaction time on the largest description intake accepts (10,000 characters), realistic and
 * adversarial: long runs that an unanchored pattern would rescan from every character.
 * Run: npx tsx bench/redaction/run.ts
 */
import { redactText } from '../../shared/domain/complaint/redaction';

const people = [
  { name: '王小明', phone: '13912345678', email: 'xiaoming.wang@example.cn', idNumber: '11010519491231002X' },
  { name: 'Alice Smith' },
];
const realistic =
  '本人王小明（身份证11010519491231002X），信用卡卡号6222 0212 3456 7890 123的年费600元被重复扣收，要求退还。请致电13912345678或010-62345678，邮件xiaoming.wang@example.cn。';
const cases: [string, string][] = [
  ['realistic (repeated)', realistic.repeat(Math.floor(10_000 / realistic.length))],
  ['letters without @', 'a'.repeat(10_000)],
  ['digits', '1'.repeat(10_000)],
  ['digit-space groups', '1 '.repeat(5_000)],
  ['dots, then @', `${'a.'.repeat(4_999)}@`],
  ['e-mail with 5,000 labels', `a@${'b.'.repeat(4_999)}`],
  ['Chinese text', '投诉'.repeat(5_000)],
];
const RUNS = 20;
console.log(`node ${process.version}, ${RUNS} runs each, median ms`);
for (const [label, text] of cases) {
  redactText(text, people);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    redactText(text, people);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(28)} ${text.length.toString().padStart(6)} chars  ${times[RUNS / 2]!.toFixed(2)} ms`);
}
