export const glossary = {
};
