import { describe, expect, it } from 'vitest';
import {
  documentTokens,
  highlight,
  MAX_QUERY_TOKENS,
  queryTokens,
  quoteLexeme,
  tsqueryLiteral,
  tsvectorLiteral,
} from './cjk-search';

// SPEC §3.11 "FAQ knowledge base … question, answer, category"; §8.7 "A single callback screen shows … FAQ search".
describe('documentTokens', () => {
  it.each([
    ['刹车异响', ['刹', '刹车', '车', '车异', '异', '异响', '响']],
    ['ABS灯亮', ['abs', '灯', '灯亮', '亮']],
    ['保养 5000公里', ['保', '保养', '养', '5000', '公', '公里', '里']],
    ['ＮＥＤＣ续航', ['nedc', '续', '续航', '航']], // full-width letters folded by NFKC
    ['制动（刹车）', ['制', '制动', '动', '刹', '刹车', '车']], // punctuation separates runs
    ['Tyre-pressure 2.5bar', ['tyre', 'pressure', '2', '5bar']],
    ['', []],
    ['……！？', []],
  ])('%j → %j', (text, tokens) => {
    expect(documentTokens(text)).toEqual(tokens);
  });

  it('cuts over-long words at 40 characters', () => {
    expect(documentTokens('x'.repeat(100))).toEqual(['x'.repeat(40)]);
  });
});

describe('queryTokens', () => {
  it.each([
    ['刹车异响', ['刹车', '车异', '异响']],
    ['刹', ['刹']], // one character: the character itself (documents index every character)
    ['4S店 保养', ['4s', '店', '保养']],
    ['刹车 刹车', ['刹车']], // duplicates once
    ['  ', []],
  ])('%j → %j', (text, tokens) => {
    expect(queryTokens(text).map((t) => t.token)).toEqual(tokens);
  });

  it('matches words as prefixes and CJK bigrams exactly', () => {
    expect(queryTokens('NEDC续航')).toEqual([
      { token: 'nedc', prefix: true },
      { token: '续航', prefix: false },
    ]);
  });

  it(`keeps at most ${MAX_QUERY_TOKENS} tokens`, () => {
    const long = '车辆首次保养的时间和里程是多少以及质保期内更换刹车片和轮胎是否免费还有电池';
    expect(queryTokens(long)).toHaveLength(MAX_QUERY_TOKENS);
  });
});

describe('literals', () => {
  it('quotes lexemes so that no token can break out of the literal', () => {
    expect(quoteLexeme("it's")).toBe("'it''s'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
  });

  it('weights each field and numbers positions across fields', () => {
    expect(
      tsvectorLiteral([
        { text: '刹车', weight: 'A' },
        { text: '刹车', weight: 'C' },
      ]),
    ).toBe("'刹':1A,4C '刹车':2A,5C '车':3A,6C");
  });

  it('builds an OR query with prefixes for words', () => {
    expect(tsqueryLiteral(queryTokens('ABS 刹车'))).toBe("'abs':* | '刹车'");
  });
});

describe('highlight', () => {
  it('marks the query inside the question', () => {
    expect(highlight('制动时有异响（刹车异响）怎么办', '刹车异响')).toEqual([
      { text: '制动时有', hit: false },
      { text: '异响', hit: true },
      { text: '（', hit: false },
      { text: '刹车异响', hit: true },
      { text: '）怎么办', hit: false },
    ]);
  });

  it('is case-insensitive for Latin words and leaves text without a match plain', () => {
    expect(highlight('ABS故障灯', 'abs')).toEqual([
      { text: 'ABS', hit: true },
      { text: '故障灯', hit: false },
    ]);
    expect(highlight('轮胎气压', '发票')).toEqual([{ text: '轮胎气压', hit: false }]);
    expect(highlight('轮胎气压', '')).toEqual([{ text: '轮胎气压', hit: false }]);
  });
});
