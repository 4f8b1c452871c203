import { describe, expect, it } from 'vitest';
import { redactText } from '../../../shared/domain/complaint/redaction';

const WANG = {
  name: '王小明',
  phone: '13912345678',
  email: 'xiaoming.wang@example.cn',
  idNumber: '11010519491231002X',
  address: '北京市朝阳区建国路88号SOHO现代城5号楼1203室',
};

describe('redacting a Chinese description', () => {
  it('replaces the complainant’s name, numbers, e-mail and address, and keeps the complaint itself', () => {
    const text =
      '本人王小明，身份证号11010519491231002X，手机13912345678，住北京市朝阳区建国路88号SOHO现代城5号楼1203室。' +
      '2026年10月15日我的信用卡（卡号6222 0212 3456 7890 123）年费600元被重复扣收，多次致电客服未果。' +
      '请致电010-62345678或发邮件至xiaoming.wang@example.cn联系我，小明在工作日都方便。';
    expect(redactText(text, [WANG])).toBe(
      '本人[姓名]，身份证号[身份证号]，手机[电话]，住[地址]。' +
        '2026年10月15日我的信用卡（卡号[银行卡号]）年费600元被重复扣收，多次致电客服未果。' +
        '请致电[电话]或发邮件至[邮箱]联系我，[姓名]在工作日都方便。',
    );
  });

  it.each([
    ['a mobile with +86 and spaces', '电话 +86 139 1234 5678。', '电话 [电话]。'],
    ['a mobile in 3-4-4 hyphens', '联系139-1234-5678', '联系[电话]'],
    ['another mobile range (19x)', '号码19987654321', '号码[电话]'],
    ['a landline with area code in brackets', '座机(021)12345678转分机', '座机[电话]转分机'],
    ['a four-digit area code', '深圳0755 8888 6666', '深圳[电话]'],
    ['an ID with lower-case x', '证件号11010519491231002x。', '证件号[身份证号]。'],
    ['an ID in groups', '身份证 110105 19491231 002X', '身份证 [身份证号]'],
    ['a first-generation 15-digit ID', '旧证号110105491231002', '旧证号[身份证号]'],
    ['a 16-digit Luhn-valid card', '卡号4111111111111111被盗刷', '卡号[银行卡号]被盗刷'],
    ['a 19-digit card, not Luhn-valid', '借记卡6217000010012345678', '借记卡[银行卡号]'],
    ['a card in hyphenated groups', '卡 6222-0212-3456-7890', '卡 [银行卡号]'],
    [
      'full-width digits as an input method types them',
      '电话：１３９１２３４５６７８，证件１１０１０５１９４９１２３１００２Ｘ',
      '电话：[电话]，证件[身份证号]',
    ],
    ['a date typed right before a mobile', '2026-10-15 13912345678来电', '2026-10-15 [电话]来电'],
    ['a third party’s e-mail', '抄送li.lei+bank@mail.example.com.cn', '抄送[邮箱]'],
  ])('%s', (_label, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it('keeps amounts, dates, times, reference numbers and short numbers', () => {
    const text = '2026-10-15 14:30 扣款1,200.00元，另扣600元，投诉单号DB-20261015-7K3QZ，第3次，工单12345678。';
    expect(redactText(text)).toBe(text);
  });

  it('does not take a lone surname character, and finds a compound surname’s given name', () => {
    expect(redactText('王经理说欧阳娜娜的卡已冻结，娜娜不知情。', [{ name: '欧阳娜娜' }])).toBe(
      '王经理说[姓名]的卡已冻结，[姓名]不知情。',
    );
    expect(redactText('李雷来电，李经理接待。', [{ name: '李雷' }])).toBe('[姓名]来电，李经理接待。');
  });

  it('removes an agent’s name as well as the complainant’s', () => {
    expect(redactText('由其女儿张丽代为投诉，王小明本人同意。', [WANG, { name: '张丽' }])).toBe(
      '由其女儿[姓名]代为投诉，[姓名]本人同意。',
    );
  });

  it('removes each part of a name joined by a middle dot', () => {
    expect(redactText('买买提·艾力反映，艾力的账户被冻结。', [{ name: '买买提·艾力' }])).toBe(
      '[姓名]反映，[姓名]的账户被冻结。',
    );
  });
});

describe('redacting an English description', () => {
  it('uses English placeholders and finds the name in any order and case', () => {
    const text =
      'My name is Alice Smith (SMITH, Alice on the card). Card 4111 1111 1111 1111 was charged twice on 3 Oct; ' +
      'call me on +44 20 7946 0958 or write to alice.smith@example.co.uk. Ms Smith is available after 5pm.';
    expect(redactText(text, [{ name: 'Alice Smith', email: 'alice.smith@example.co.uk' }])).toBe(
      'My name is [name] ([name], [name] on the card). Card [card number] was charged twice on 3 Oct; ' +
        'call me on [phone] or write to [email]. Ms [name] is available after 5pm.',
    );
  });

  it('does not touch words that merely contain the name', () => {
    expect(redactText('Ann asked about the annual fee; Annabel was not involved.', [{ name: 'Ann Lee' }])).toBe(
      '[name] asked about the annual fee; Annabel was not involved.',
    );
  });

  it('replaces the complainant’s own number even in a format no pattern knows', () => {
    expect(redactText('Reach me at 0044-7700-900123.', [{ name: 'Bob Ray', phone: '0044-7700-900123' }])).toBe(
      'Reach me at [phone].',
    );
  });
});
