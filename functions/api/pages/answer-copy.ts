import { compoundOf } from '../../../shared/organisations/customer-term-forms.js';
import type { RoundSnapshot } from '../../../shared/rounds/round.js';

/** Every question says the organisation's own word for the people it serves. */
export function answerCopy(snapshot: RoundSnapshot) {
  const term = snapshot.customerTerm;
  const max = snapshot.rankMax;
  // Question 4 follows the source: "dagens ranking av kundfokus", with the organisation's own compound.
  const focus = `${compoundOf(term)}fokus`;
  if (snapshot.language === 'sv')
    return {
      title: `Var hamnar ${term.sv.definite}? – ${snapshot.orgName}`,
      heading: `Var hamnar ${term.sv.definite}?`,
      intro: `En minut om ${term.sv.genitive} plats bland värderingarna i ${snapshot.orgName}. Svaren sparas utan namn. Resultat visas först när omgången har stängt, och varje siffra bygger på minst ${snapshot.anonymityThreshold} personers svar, hur rapporterna än läggs ihop. Fritext visas ordagrant, utan namn eller grupp, bara om minst ${snapshot.commentThreshold} har skrivit på samma fråga. Alla frågor utom den första är frivilliga.`,
      rank: `Var tror du att ${term.sv.definite} hamnar på en rankinglista över värderingarna i er organisation?`,
      rankHint: `Ange en plats från 1 (högst upp) till ${max}, eller välj ”Vet inte”.`,
      dontKnow: 'Vet inte',
      rankReason: `Varför har ${term.sv.definite} just den rankingen?`,
      raiseIdeas: `Vad kan ni göra för att höja ${term.sv.genitive} ranking i er organisation?`,
      consequencesNow: `Vilka konsekvenser får dagens ranking av ${focus}?`,
      consequencesIfRaised: `Vilka konsekvenser skulle det få om man kunde höja ${term.sv.genitive} ranking?`,
      freeHint: 'Frivilligt, högst 2 000 tecken. Skriv inte namn på kolleger.',
      submit: 'Skicka svar',
      errorsTitle: 'Något behöver rättas',
      thanksTitle: 'Tack för ditt svar!',
      thanks: 'Ditt svar är sparat. Du kan ändra det via samma länk så länge pulsen är öppen.',
      closedTitle: 'Pulsen är stängd',
      closed: 'Den här pulsmätningen har stängt och tar inte emot fler svar. Tack för ditt intresse!',
      unsubscribeTitle: 'Avregistrera dig',
      unsubscribeText: `Du får då inga fler pulsmätningar från ${snapshot.orgName}.`,
      unsubscribeButton: 'Avregistrera mig',
      unsubscribedTitle: 'Du är avregistrerad',
      unsubscribed: `Du får inga fler pulsmätningar från ${snapshot.orgName}.`,
      rankError: `Ange en hel siffra från 1 till ${max}, eller välj ”Vet inte” (inte båda).`,
      emptyError: 'Svaret är tomt: ange en plats, välj ”Vet inte” eller skriv något.',
      textError: 'Högst 2 000 tecken.',
      valuesError: 'Välj högst 10 värderingar från listan.',
      valuesToday: 'Vilka värderingar präglar er organisation i dag?',
      valuesWishedFor: 'Vilka värderingar önskar du skulle prägla er organisation?',
      valuesHint: 'Välj upp till 10. Frivilligt.',
      valuesCounter: '{n} av {max} valda',
    };
  return {
    title: `Where does the ${term.en.singular} rank? – ${snapshot.orgName}`,
    heading: `Where does the ${term.en.singular} rank?`,
    intro: `One minute on the ${term.en.singular}'s place among the values of ${snapshot.orgName}. Answers are stored without names. Results are shown only after the round closes, and every figure rests on the answers of at least ${snapshot.anonymityThreshold} people, however reports are combined. Free text is shown word for word, without name or group, only when at least ${snapshot.commentThreshold} people wrote on the same question. Every question but the first is optional.`,
    rank: `Where do you think the ${term.en.singular} ranks on your organisation's list of values?`,
    rankHint: `A place from 1 (the top) to ${max}, or choose "Don't know".`,
    dontKnow: "Don't know",
    rankReason: `Why does the ${term.en.singular} have that ranking?`,
    raiseIdeas: `What can you do to raise the ${term.en.singular}'s ranking in your organisation?`,
    consequencesNow: `What consequences does today's ranking of ${term.en.singular} focus have?`,
    consequencesIfRaised: `What would it change if the ${term.en.singular}'s ranking could be raised?`,
    freeHint: 'Optional, at most 2,000 characters. Please do not name colleagues.',
    submit: 'Send answer',
    errorsTitle: 'Something needs fixing',
    thanksTitle: 'Thank you for answering!',
    thanks: 'Your answer is saved. You can change it through the same link while the pulse is open.',
    closedTitle: 'The pulse has closed',
    closed: 'This pulse has closed and takes no more answers. Thank you for your interest!',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeText: `You will get no more pulses from ${snapshot.orgName}.`,
    unsubscribeButton: 'Unsubscribe me',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribed: `You will get no more pulses from ${snapshot.orgName}.`,
    rankError: `Enter a whole number from 1 to ${max}, or choose "Don't know" (not both).`,
    emptyError: 'The answer is empty: give a place, choose "Don\'t know" or write something.',
    textError: 'At most 2,000 characters.',
    valuesError: 'Pick at most 10 values from the list.',
    valuesToday: 'Which values mark your organisation today?',
    valuesWishedFor: 'Which values do you wish would mark your organisation?',
    valuesHint: 'Pick up to 10. Optional.',
    valuesCounter: '{n} of {max} picked',
  };
}
export type AnswerCopy = ReturnType<typeof answerCopy>;
