import type { CustomerTerm } from '../organisations/customer-term.js';
import type { WithheldReason } from '../reports/withheld.js';

/** The report mail's words, in the organisation's language, with its term for "customer". */
export function reportCopy(language: 'sv' | 'en', term: CustomerTerm) {
  if (language === 'sv')
    return {
      subject: (org: string) => `Rapport: var hamnar ${term.sv.definite} hos ${org}?`,
      results: 'Resultat',
      answered: 'Svar',
      median: `Median för ${term.sv.genitive} plats`,
      ci: '95 % konfidensintervall',
      top10: 'Andel som sätter den bland topp 10',
      dontKnow: 'Andel "vet inte"',
      change: 'Förändring av medianen sedan förra mätningen',
      suppressed: (k: number) =>
        `För få svar för att visa resultat: minst ${k} behövs för att skydda de svarandes anonymitet.`,
      trend: 'Trend',
      chartTitle: `Medianplats för ${term.sv.definite} per mätning`,
      chartCaption:
        'Plats 1 överst. Ljusblått: 95 % konfidensintervall. Grönt: målet. Grått: Sverigestudien, en nationell panel ' +
        'med egen metod (cirka 2 000 personer väljer 10 av cirka 100 värderingar), publicerade platser per år; ' +
        'jämför nivån, inte exakta platser.',
      goalLine: (place: number) => `Mål: plats ${place}`,
      reference: 'Sverigestudien (nationell panel, egen metod)',
      goal: 'Målet',
      goalPlace: (place: number, by: string) => `plats ${place} senast ${by}`,
      goalTarget: 'Mål',
      projection: 'Prognos med nuvarande trend',
      projectionYear: (year: number, band: [number, number] | null) =>
        band ? `år ${year} (${band[0]}–${band[1]})` : `år ${year}`,
      projectionNever: 'målplatsen nås inte',
      standing: 'Läge',
      status: {
        'on-track': 'i fas med målet',
        'not-on-track': 'inte i fas med målet',
        'no-clear-trend': 'ingen tydlig trend: trendens intervall rymmer ingen förändring',
        'too-few-rounds': 'prognos från tre mätningar',
      },
      measuredToday: `Uppmätt plats för ${term.sv.definite} i dag (värderingsval)`,
      measuredWished: `Uppmätt plats för ${term.sv.definite}, önskat läge`,
      gap: 'Upplevd minus uppmätt plats',
      entropy: 'Kulturell entropi i dag / önskat',
      valuesTitle: 'Topp 10 värderingar: i dag och önskat',
      today: 'I dag',
      wished: 'Önskat',
      customerMark: `★ = värdering som handlar om ${term.sv.definite}`,
      segments: 'Per avdelning, roll och ort',
      dimensions: { department: 'Avdelning', role: 'Roll', site: 'Ort' } as Record<string, string>,
      heatmapColumns: {
        medianPlace: 'Median\u00adplats',
        top10Share: 'Topp 10',
        dontKnowShare: 'Vet ej',
        responseRate: 'Svar',
        change: 'För\u00adänd\u00adring',
      },
      withheld: 'hålls inne',
      withheldLegend: (k: number) =>
        `– = hålls inne för att skydda de svarandes anonymitet (färre än ${k} bakom siffran, eller så att en mindre grupp kunde räknas fram). Svar = svarsfrekvens; Förändring = medianplatsens förändring sedan förra mätningen.`,
      themes: 'Vanligaste teman i fritextsvaren',
      ideas: `Idéer för att höja ${term.sv.definite}: vanligaste teman`,
      actions: {
        title: 'Ni sa – vi gjorde: åtgärderna och förändringen sedan dess',
        note:
          'Varje åtgärd från förra mätningen står här bredvid förändringen i sin del av organisationen sedan dess. ' +
          'Att de står bredvid varandra säger inte att åtgärden orsakade förändringen: mycket annat händer mellan två mätningar.',
        wholeOrganisation: 'Hela organisationen',
        status: { planned: 'planerad', done: 'genomförd' },
        change: 'Förändring',
        median: 'Medianplats',
        top10: 'Andel topp 10',
        points: 'procentenheter',
        withheld: (reason: WithheldReason, k: number) =>
          ({
            'below-threshold': `hålls inne: färre än ${k} svar bakom siffran`,
            'too-few-places': `hålls inne: färre än ${k} angav en plats`,
            differencing: 'hålls inne: en mindre grupp kunde annars räknas fram',
            'no-previous-round': 'ingen jämförelse: förra mätningen redovisade inte gruppen',
            'not-a-reported-segment': 'ingen siffra: rapporten redovisar inte den gruppen',
          })[reason as string] ?? 'hålls inne',
      },
      json: 'Alla siffror som JSON',
    };
  return {
    subject: (org: string) => `Report: where does the ${term.en.singular} rank at ${org}?`,
    results: 'Results',
    answered: 'Answers',
    median: `Median place of the ${term.en.singular}`,
    ci: '95 % confidence interval',
    top10: 'Share placing it in the top 10',
    dontKnow: 'Share "don\'t know"',
    change: 'Change of the median since the last round',
    suppressed: (k: number) =>
      `Too few answers to show results: at least ${k} are needed to protect respondents' anonymity.`,
    trend: 'Trend',
    chartTitle: `Median place of the ${term.en.singular} per round`,
    chartCaption:
      'Place 1 at the top. Light blue: 95 % confidence interval. Green: the goal. Grey: Sverigestudien, a national ' +
      'panel with its own method (about 2,000 people each pick 10 of about 100 values), its published places by ' +
      'year; compare the level, not exact places.',
    goalLine: (place: number) => `Goal: place ${place}`,
    reference: 'Sverigestudien (national panel, its own method)',
    goal: 'The goal',
    goalPlace: (place: number, by: string) => `place ${place} by ${by}`,
    goalTarget: 'Goal',
    projection: 'Projection at the current trend',
    projectionYear: (year: number, band: [number, number] | null) =>
      band ? `in ${year} (${band[0]}–${band[1]})` : `in ${year}`,
    projectionNever: 'the goal place is not reached',
    standing: 'Standing',
    status: {
      'on-track': 'on track for the goal',
      'not-on-track': 'not on track for the goal',
      'no-clear-trend': "no clear trend: the trend's interval includes no change",
      'too-few-rounds': 'a projection from three rounds on',
    },
    measuredToday: `Measured place of the ${term.en.singular} today (values selection)`,
    measuredWished: `Measured place of the ${term.en.singular}, wished for`,
    gap: 'Perceived minus measured place',
    entropy: 'Cultural entropy today / wished for',
    valuesTitle: 'Top 10 values: today and wished for',
    today: 'Today',
    wished: 'Wished for',
    customerMark: `★ = a value about the ${term.en.singular}`,
    segments: 'By department, role and site',
    dimensions: { department: 'Department', role: 'Role', site: 'Site' } as Record<string, string>,
    heatmapColumns: {
      medianPlace: 'Median place',
      top10Share: 'Top 10',
      dontKnowShare: "Don't know",
      responseRate: 'Res\u00adponse',
      change: 'Change',
    },
    withheld: 'withheld',
    withheldLegend: (k: number) =>
      `– = withheld to protect respondents' anonymity (fewer than ${k} behind the figure, or a smaller group could be derived from it). Response = response rate; Change = change of the median place since the last round.`,
    themes: 'Most frequent themes in the comments',
    ideas: `Ideas for raising the ${term.en.singular}: most frequent themes`,
    actions: {
      title: 'You said, we did: the actions and the change since',
      note:
        'Each action from the last round stands here beside the change in its part of the organisation since then. ' +
        'Beside is not because: the report does not claim that the action caused the change; much else happens between two rounds.',
      wholeOrganisation: 'The whole organisation',
      status: { planned: 'planned', done: 'done' },
      change: 'Change',
      median: 'Median place',
      top10: 'Top-10 share',
      points: 'percentage points',
      withheld: (reason: WithheldReason, k: number) =>
        ({
          'below-threshold': `withheld: fewer than ${k} answers behind the figure`,
          'too-few-places': `withheld: fewer than ${k} gave a place`,
          differencing: 'withheld: a smaller group could be derived from it',
          'no-previous-round': 'no comparison: the last round did not report this group',
          'not-a-reported-segment': 'no figure: the report shows no such group',
        })[reason as string] ?? 'withheld',
    },
    json: 'Every figure as JSON',
  };
}

export type ReportCopy = ReturnType<typeof reportCopy>;
